#include "cli/organisation/demo.hpp"

#include <fmt/format.h>

#include <array>
#include <set>
#include <stdexcept>

namespace sgwrs::cli {
namespace {

constexpr const char* kDomain = "glantawe.example";

// Over 95% of programme participants are women; the names reflect that, in Welsh and English.
constexpr std::array kGiven = {
    "Angharad", "Bethan",  "Carys",   "Sarah",  "Catrin", "Ffion",     "Emma",   "Lowri",
    "Rhian",    "Claire",  "Sioned",  "Nia",    "Rachel", "Eleri",     "Megan",  "Helen",
    "Heledd",   "Gwen",    "Laura",   "Mared",  "Delyth", "Joanne",    "Llinos", "Elin",
    "Priya",    "Manon",   "Ceri",    "Hannah", "Alaw",   "Gwenllian", "Nicola", "Meinir",
    "Siân",     "Rebecca", "Branwen", "Aisha",  "Non",    "Kate",      "Mali",   "Zoe",
    "Dafydd",   "Rhodri",  "Gareth",  "Tomos",  "James",  "Owain",     "Huw",    "Iwan"};
constexpr std::array kFamily = {
    "Jones",  "Davies",    "Williams",  "Evans",   "Thomas",  "Roberts",  "Hughes",   "Lewis",
    "Morgan", "Griffiths", "Price",     "Owen",    "Rees",    "Jenkins",  "Powell",   "Pritchard",
    "Parry",  "Bevan",     "Llewellyn", "Watkins", "Howells", "Harris",   "Edwards",  "Khan",
    "Patel",  "Taylor",    "ap Gwilym", "Prosser", "Vaughan", "Meredith", "Gruffydd", "Lloyd"};

std::string ascii_lower(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {  // â ê î ô û and their friends: keep the vowel
      static const std::string from =
          "\xA2\xAA\xAE\xB4\xBB\xA4\xAB\xAF\xB6\xBC\xA1\xA9\xAD\xB3\xBA";
      static const std::string to = "aeiouaeiouaeiou";
      auto p = from.find(s[i + 1]);
      out += p == std::string::npos ? 'x' : to[p];
      ++i;
    } else if (c == 0xC5 && i + 1 < s.size()) {  // ŵ ŷ
      out += (static_cast<unsigned char>(s[i + 1]) == 0xB5) ? 'w' : 'y';
      ++i;
    } else if (std::isalpha(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (c == ' ' || c == '-') {
      out += '-';
    }
  }
  return out;
}

class Builder {
 public:
  Builder(OrgService& orgs, UserService& users, std::string password)
      : orgs_(orgs), users_(users), password_(std::move(password)) {}

  Organisation org(const std::string& en, const std::string& cy, const std::string& ons) {
    return check(orgs_.create_organisation(op_, {0, en, cy, ons}), "organisation " + en);
  }
  Service service(const Organisation& o, ServiceKind k, const std::string& en,
                  const std::string& cy) {
    return check(orgs_.create_service(op_, {0, o.id, k, en, cy}), "service " + en);
  }
  Pod pod(const Service& s, const std::string& en, const std::string& cy) {
    return check(orgs_.create_pod(op_, {0, s.id, en, cy}), "pod " + en);
  }
  User person(const Organisation& o, std::optional<Id> pod, Role role,
              const std::string& email_override = "") {
    const std::string given = kGiven[next_given_++ % kGiven.size()];
    const std::string family = kFamily[(next_family_ += 7) % kFamily.size()];
    std::string email = email_override;
    if (email.empty()) {
      const std::string base = ascii_lower(given) + "." + ascii_lower(family);
      email = base + "@" + kDomain;
      for (int n = 2; !emails_.insert(email).second; ++n)
        email = fmt::format("{}{}@{}", base, n, kDomain);
    }
    User u;
    u.email = email;
    u.display_name = given + " " + family;
    u.role = role;
    u.organisation_id = o.id;
    u.pod_id = pod;
    ++count_;
    return check(users_.create(op_, {u, password_}), "staff " + email);
  }
  // A pod as the practice model shapes it: a manager, up to two seniors, up to five
  // practitioners, at least one in training, and business support.
  void staff_pod(const Organisation& o, const Pod& p, int practitioners) {
    person(o, p.id, Role::pod_manager);
    person(o, p.id, Role::senior_practitioner);
    person(o, p.id, Role::senior_practitioner);
    for (int i = 0; i < practitioners; ++i) person(o, p.id, Role::practitioner);
    person(o, p.id, Role::practitioner_in_training);
    person(o, p.id, Role::business_support);
  }
  int count() const { return count_; }

 private:
  template <typename T>
  T check(Result<T> r, const std::string& what) {
    if (!r) throw std::runtime_error("demo: could not create " + what + ": " + r.error().key);
    return std::move(r).value();
  }

  OrgService& orgs_;
  UserService& users_;
  std::string password_;
  Actor op_ = UserService::operator_actor();
  size_t next_given_ = 0;
  size_t next_family_ = 0;
  std::set<std::string> emails_;
  int count_ = 0;
};

}  // namespace

DemoResult build_demo(OrgService& orgs, UserService& users, const std::string& password) {
  DemoResult out;
  auto existing =
      users.find_by_email(UserService::operator_actor(), std::string("admin@") + kDomain);
  if (existing) {
    out.created = false;
  } else {
    Builder b(orgs, users, password);
    auto la =
        b.org("Glantawe County Borough Council", "Cyngor Bwrdeistref Sirol Glantawe", "W06000099");
    auto children =
        b.service(la, ServiceKind::childrens_services, "Children's Services", "Gwasanaethau Plant");
    auto adults = b.service(la, ServiceKind::adult_social_care, "Adult Social Care",
                            "Gofal Cymdeithasol Oedolion");
    auto front = b.service(la, ServiceKind::integrated_front_door, "Integrated Front Door",
                           "Drws Ffrynt Integredig");
    auto discharge = b.service(la, ServiceKind::hospital_discharge, "Hospital Discharge Team",
                               "Tîm Rhyddhau o'r Ysbyty");
    auto housing = b.service(la, ServiceKind::housing, "Housing Solutions", "Datrysiadau Tai");

    b.person(la, std::nullopt, Role::administrator, std::string("admin@") + kDomain);
    b.person(la, std::nullopt, Role::senior_leader, std::string("leader@") + kDomain);
    b.person(la, std::nullopt, Role::quality_lead);
    b.person(la, std::nullopt, Role::analyst, std::string("analyst@") + kDomain);
    b.person(la, std::nullopt, Role::analyst, std::string("researcher@") + kDomain);
    b.person(la, std::nullopt, Role::mentor, std::string("mentor@") + kDomain);
    b.person(la, std::nullopt, Role::mentor);

    auto afon = b.pod(children, "Afon Pod", "Pod Afon");
    b.person(la, afon.id, Role::pod_manager, std::string("manager@") + kDomain);
    b.person(la, afon.id, Role::senior_practitioner);
    b.person(la, afon.id, Role::senior_practitioner);
    b.person(la, afon.id, Role::practitioner, std::string("practitioner@") + kDomain);
    for (int i = 0; i < 4; ++i) b.person(la, afon.id, Role::practitioner);
    b.person(la, afon.id, Role::practitioner_in_training);
    b.person(la, afon.id, Role::business_support);
    b.staff_pod(la, b.pod(children, "Derwen Pod", "Pod Derwen"), 4);
    b.staff_pod(la, b.pod(children, "Eryri Pod", "Pod Eryri"), 3);
    b.staff_pod(la, b.pod(adults, "Cwm Pod", "Pod Cwm"), 5);
    b.staff_pod(la, b.pod(adults, "Glannau Pod", "Pod Glannau"), 4);
    b.staff_pod(la, b.pod(front, "Front Door Pod", "Pod y Drws Ffrynt"), 3);
    b.staff_pod(la, b.pod(discharge, "Ward Link Pod", "Pod Cyswllt Ward"), 2);
    b.pod(housing, "Tenancy Support Pod", "Pod Cymorth Tenantiaeth");

    auto partner = b.org("Cwtch Family Support", "Cymorth Teulu Cwtch", "W99000001");
    auto third =
        b.service(partner, ServiceKind::third_sector, "Family Support", "Cymorth i Deuluoedd");
    b.staff_pod(partner, b.pod(third, "Community Pod", "Pod Cymunedol"), 2);
    out.created = true;
    out.staff = b.count();
  }
  for (auto [role, local] : {std::pair{"administrator", "admin"},
                             {"senior_leader", "leader"},
                             {"pod_manager", "manager"},
                             {"practitioner", "practitioner"},
                             {"mentor", "mentor"},
                             {"analyst", "analyst"}}) {
    const std::string email = std::string(local) + "@" + kDomain;
    auto u = users.find_by_email(UserService::operator_actor(), email);
    out.logins.push_back({role, email, u ? u->display_name : ""});
  }
  return out;
}

}  // namespace sgwrs::cli
