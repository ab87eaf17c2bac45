#include "service/record/network_service.hpp"

#include <map>

#include "service/record/family_items.hpp"
#include "service/record/family_links.hpp"
#include "service/record/record_checks.hpp"
#include "store/core/db.hpp"
#include "store/record/network_store.hpp"

namespace sgwrs {
namespace {

namespace rec = store::record;
using namespace record_checks;
using family_links::family_outcome;
using family_links::member_of;
using namespace family_items;

}  // namespace

Result<Strength> NetworkService::save_strength(const Actor& a, Strength s) {
  Validator v;
  v.text("text", s.text, 1, kNotes);
  return save_item<Strength>(
      gate_, a, s, v, "strength", rec::find_strength,
      [&](store::Conn& c, const Family& f) {
        if (s.person_id && !member_of(f, *s.person_id)) v.fail("person_id", "not_a_member");
        for (Id o : s.outcome_ids)
          if (!family_outcome(c, f, o)) {
            v.fail("outcome_ids", "not_a_member");
            break;
          }
      },
      rec::insert_strength, rec::update_strength,
      [](const Strength& was, const Strength& now) {
        std::map<std::string, std::string> out;
        changed_text(out, "text", was.text, now.text);
        changed_text(out, "kind", std::string(kStrengthKinds.id(was.kind)),
                     std::string(kStrengthKinds.id(now.kind)));
        return out;
      });
}

Result<Strength> NetworkService::get_strength(const Actor& a, Id strength_id,
                                              bool reveal_sensitive) {
  return get_item<Strength>(gate_, a, strength_id, "strength", rec::find_strength,
                            reveal_sensitive);
}

Result<std::vector<Strength>> NetworkService::strengths_of(const Actor& a, Id family_id,
                                                           bool reveal_sensitive) {
  return list_items<Strength>(gate_, a, family_id, "strength", rec::strengths_of_family,
                              reveal_sensitive);
}

Result<NetworkMember> NetworkService::save_member(const Actor& a, NetworkMember m) {
  Validator v;
  v.text("name", m.name, 1, kShortText);
  v.text("support", m.support, 0, kNotes);
  v.text("how_often", m.how_often, 0, kShortText);
  v.text("their_words", m.their_words, 0, kNotes);
  return save_item<NetworkMember>(
      gate_, a, m, v, "network_member", rec::find_network_member,
      [&](store::Conn&, const Family& f) {
        if (m.person_id && !member_of(f, *m.person_id)) v.fail("person_id", "not_a_member");
      },
      rec::insert_network_member, rec::update_network_member,
      [](const NetworkMember& was, const NetworkMember& now) {
        std::map<std::string, std::string> out;
        changed_text(out, "name", was.name, now.name);
        changed_text(out, "tie", std::string(kTieQualities.id(was.tie)),
                     std::string(kTieQualities.id(now.tie)));
        changed_text(out, "flow", std::string(kSupportFlows.id(was.flow)),
                     std::string(kSupportFlows.id(now.flow)));
        changed_text(out, "support", was.support, now.support);
        changed_text(out, "their_words", was.their_words, now.their_words);
        return out;
      });
}

Result<NetworkMember> NetworkService::get_member(const Actor& a, Id member_id,
                                                 bool reveal_sensitive) {
  return get_item<NetworkMember>(gate_, a, member_id, "network_member", rec::find_network_member,
                                 reveal_sensitive);
}

Result<std::vector<NetworkMember>> NetworkService::network_of(const Actor& a, Id family_id,
                                                              bool reveal_sensitive) {
  return list_items<NetworkMember>(gate_, a, family_id, "network_member", rec::network_of_family,
                                   reveal_sensitive);
}

}  // namespace sgwrs
