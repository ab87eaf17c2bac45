#pragma once
// The record of people and families (One Story): who they are, the households they live in,
// the periods the organisation works with them, and the conversations that make up the
// work. Text is the person's own words wherever it can be; dates are ISO days (YYYY-MM-DD)
// as people give them, times are Unix seconds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/core/closed_set.hpp"
#include "domain/core/language.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

struct CommunicationNeeds {
  bool interpreter = false;
  bool bsl = false;            // British Sign Language
  bool non_verbal = false;     // communicates without speech
  std::string capacity_notes;  // capacity considerations, in plain words
  std::string other;
};

struct Person {
  Id id = 0;
  Id organisation_id = 0;
  std::string given_name;
  std::string family_name;
  std::string preferred_name;  // what they like to be called; may be empty
  std::string pronouns;
  std::string date_of_birth;            // YYYY-MM-DD, or empty when not known
  bool date_of_birth_expected = false;  // an unborn child's expected date
  Language preferred_language = Language::en;
  std::string active_offer_on;  // the day the Welsh active offer was made; empty if not yet
  CommunicationNeeds communication;
  std::int64_t version = 1;
  std::int64_t created_at = 0;

  // The name to greet them by.
  const std::string& called() const { return preferred_name.empty() ? given_name : preferred_name; }
};

// How a member stands in their household.
enum class MemberRole {
  parent,
  child,
  sibling,
  grandparent,
  partner,
  kinship_carer,
  foster_carer,
  friend_of_family,
  other_relative,
};
inline constexpr auto kMemberRoles = closed_set(
    std::pair{MemberRole::parent, "parent"}, std::pair{MemberRole::child, "child"},
    std::pair{MemberRole::sibling, "sibling"}, std::pair{MemberRole::grandparent, "grandparent"},
    std::pair{MemberRole::partner, "partner"},
    std::pair{MemberRole::kinship_carer, "kinship_carer"},
    std::pair{MemberRole::foster_carer, "foster_carer"},
    std::pair{MemberRole::friend_of_family, "friend"},
    std::pair{MemberRole::other_relative, "other_relative"});

struct FamilyMember {
  Id person_id = 0;
  MemberRole role = MemberRole::other_relative;
  std::string display_name;  // filled when read, for lists
};

struct Family {
  Id id = 0;
  Id organisation_id = 0;
  std::string name;  // as the family would say it: "The Hughes family", "Teulu Prys"
  std::vector<FamilyMember> members;
  std::int64_t version = 1;
  std::int64_t created_at = 0;
};

// The status of the work with a family over a period, each change dated.
enum class InvolvementStatus {
  early_help,
  care_and_support_plan,
  child_protection_plan,
  child_in_care,
  none,
};
inline constexpr auto kInvolvementStatuses =
    closed_set(std::pair{InvolvementStatus::early_help, "early_help"},
               std::pair{InvolvementStatus::care_and_support_plan, "care_and_support_plan"},
               std::pair{InvolvementStatus::child_protection_plan, "child_protection_plan"},
               std::pair{InvolvementStatus::child_in_care, "child_in_care"},
               std::pair{InvolvementStatus::none, "none"});

struct StatusChange {
  InvolvementStatus status = InvolvementStatus::none;
  std::string from;  // YYYY-MM-DD
  Id changed_by = 0;
  std::string note;
};

// A period when the organisation works with a family: who leads, which pod, and how the
// status moved. It is the allocation that gives access to the record.
struct Involvement {
  Id id = 0;
  Id family_id = 0;
  Id lead_worker_id = 0;
  Id pod_id = 0;
  std::string opened_on;              // YYYY-MM-DD
  std::string closed_on;              // empty while open
  std::vector<StatusChange> history;  // oldest first
  std::int64_t version = 1;

  bool open() const { return closed_on.empty(); }
};

}  // namespace sgwrs
