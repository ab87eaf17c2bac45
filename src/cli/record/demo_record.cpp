#include "cli/record/demo_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

#include "cli/core/demo_random.hpp"
#include "cli/record/demo_network.hpp"
#include "cli/record/demo_words.hpp"

namespace sgwrs::cli {
namespace {

constexpr std::array<std::string_view, 20> kSurnames = {
    "Prys",    "Hughes", "Jenkins", "ap Rhys", "Llywelyn",  "Morgan", "Price",
    "Evans",   "Powell", "Bevan",   "Owen",    "Griffiths", "Rees",   "Thomas",
    "Watkins", "Pugh",   "Lloyd",   "Howells", "Parry",     "Gwynne"};
constexpr std::array<std::string_view, 16> kAdults = {
    "Siôn",  "Catrin", "Dafydd", "Nia",   "Rhodri", "Sioned", "Gareth", "Lowri",
    "Kelly", "Darren", "Emma",   "Ieuan", "Bethan", "Carys",  "Wayne",  "Ffion"};
constexpr std::array<std::string_view, 18> kChildren = {
    "Gwenllïan", "Llŷr",  "Mali", "Osian", "Seren", "Tomos", "Alaw", "Macsen", "Elin",
    "Jac",       "Cerys", "Ioan", "Ela",   "Harri", "Megan", "Leo",  "Ava",    "Noah"};
constexpr std::array<std::string_view, 6> kPreferred = {"Gwen", "", "", "Tom", "", ""};

constexpr std::array<Words, 8> kWhatMatters = {{
    {"I want the children to feel safe at home again.",
     "Dw i eisiau i'r plant deimlo'n saff adref eto."},
    {"Being a dad again, having a space of my own.", "Bod yn dad eto, cael lle fy hun."},
    {"Keeping my nan close — she is the one who gets me.",
     "Cadw Nain yn agos — hi sy'n fy neall i."},
    {"Getting back to work so we are not always short.",
     "Mynd yn ôl i'r gwaith fel nad ydyn ni'n brin o hyd."},
    {"Staying at my school with my friends.", "Aros yn fy ysgol gyda fy ffrindiau."},
    {"Not having to tell my story again to someone new.",
     "Peidio gorfod dweud fy stori eto wrth rywun newydd."},
    {"Sleeping through the night without worrying.", "Cysgu drwy'r nos heb boeni."},
    {"Going to football on Saturdays with my brother.",
     "Mynd i'r pêl-droed ar ddydd Sadwrn gyda fy mrawd."},
}};
constexpr std::array<Words, 6> kStrengths = {{
    {"Nain walks the children to school every morning.",
     "Mae Nain yn cerdded y plant i'r ysgol bob bore."},
    {"Mum knows exactly what calms the youngest down.",
     "Mae Mam yn gwybod yn union beth sy'n tawelu'r ieuengaf."},
    {"The family cooks together on Sundays.", "Mae'r teulu'n coginio gyda'i gilydd ar y Sul."},
    {"Their neighbour has keys and checks in daily.",
     "Mae gan eu cymydog allweddi ac mae'n galw bob dydd."},
    {"Dad has kept every appointment since spring.",
     "Mae Dad wedi cadw pob apwyntiad ers y gwanwyn."},
    {"The eldest is proud of helping with homework.",
     "Mae'r hynaf yn falch o helpu gyda gwaith cartref."},
}};
constexpr std::array<Words, 5> kWorries = {{
    {"Money is tight and the rent is behind.", "Mae arian yn brin ac mae'r rhent ar ei hôl hi."},
    {"Arguments late at night when Dad has been drinking.",
     "Dadlau'n hwyr y nos pan fydd Dad wedi bod yn yfed."},
    {"School attendance has dropped this term.",
     "Mae presenoldeb yn yr ysgol wedi gostwng y tymor hwn."},
    {"Mum feels alone since moving away from her sister.",
     "Mae Mam yn teimlo'n unig ers symud oddi wrth ei chwaer."},
    {"The house is damp and the youngest keeps coughing.",
     "Mae'r tŷ yn llaith ac mae'r ieuengaf yn dal i beswch."},
}};

// Children's voices as they were heard.
struct DemoVoice {
  Words said;
  HeardThrough heard;
  Words share;
};
constexpr std::array<DemoVoice, 4> kChildVoices = {{
    {{"I like it when Nain picks me up. She has biscuits.",
      "Dw i'n hoffi pan mae Nain yn fy nôl i. Mae ganddi fisgedi."},
     HeardThrough::direct_work,
     {"Mum and Nain", "Mam a Nain"}},
    {{"Drew the house with everyone inside and the dog by the door; said the shouting is "
      "upstairs.",
      "Tynnodd lun o'r tŷ gyda phawb y tu mewn a'r ci wrth y drws; dywedodd fod y gweiddi i "
      "fyny'r grisiau."},
     HeardThrough::play,
     {"only my worker", "fy ngweithiwr yn unig"}},
    {{"School is OK. I don't want to move again.",
      "Mae'r ysgol yn iawn. Dw i ddim eisiau symud eto."},
     HeardThrough::direct_work,
     {"my teacher", "fy athrawes"}},
    {{"Pointed to the happy face on the card for home and the sad one for bedtime.",
      "Pwyntiodd at y wyneb hapus ar y cerdyn am adref a'r un trist am amser gwely."},
     HeardThrough::non_verbal,
     {"Mum", "Mam"}},
}};

// Outcomes as people put them, each with the well-being areas it serves.
struct DemoOutcome {
  Words words;
  std::array<std::string_view, 2> areas;
};
constexpr std::array<DemoOutcome, 6> kAdultOutcomes = {{
    {{"Being a dad again, having a space of my own.", "Bod yn dad eto, cael lle fy hun."},
     {"relationships", "accommodation"}},
    {{"Getting back to work so we are not always short.",
      "Mynd yn ôl i'r gwaith fel nad ydyn ni'n brin o hyd."},
     {"work", "social_economic"}},
    {{"Sleeping through the night without worrying.", "Cysgu drwy'r nos heb boeni."},
     {"health", "daily_life"}},
    {{"The children feeling safe at home again.", "Y plant yn teimlo'n saff adref eto."},
     {"protection", "relationships"}},
    {{"Doing my own shopping in town on Fridays.",
      "Gwneud fy siopa fy hun yn y dref ar ddydd Gwener."},
     {"daily_life", "contribution"}},
    {{"Not having to tell my story again to someone new.",
      "Peidio gorfod dweud fy stori eto wrth rywun newydd."},
     {"rights", "health"}},
}};
constexpr std::array<DemoOutcome, 4> kChildOutcomes = {{
    {{"Staying at my school with my friends.", "Aros yn fy ysgol gyda fy ffrindiau."},
     {"education", "relationships"}},
    {{"Going to football on Saturdays with my brother.",
      "Mynd i'r pêl-droed ar ddydd Sadwrn gyda fy mrawd."},
     {"education", "development"}},
    {{"Seeing Nain every weekend.", "Gweld Nain bob penwythnos."}, {"relationships", "welfare"}},
    {{"Having my own bed and somewhere quiet to do homework.",
      "Cael fy ngwely fy hun a rhywle tawel i wneud gwaith cartref."},
     {"accommodation", "development"}},
}};
constexpr std::array<Words, 4> kReasons = {{
    {"Some good weeks, some hard ones.", "Rhai wythnosau da, rhai anodd."},
    {"Things are moving — we can see it.", "Mae pethau'n symud — rydyn ni'n gallu ei weld."},
    {"Back to where we started after a bad month.", "Yn ôl i'r dechrau ar ôl mis gwael."},
    {"Better than I thought it would be.", "Yn well nag oeddwn i'n meddwl."},
}};

// One outcome with a baseline and a few reviews a season apart, scores creeping up (and
// sometimes back) from both views.
Id add_demo_outcome(OutcomeService& outcomes, const Actor& actor, const Person& person,
                    const DemoOutcome& o, bool welsh, Rng& rng) {
  std::string buf;
  NewOutcome n;
  n.person_id = person.id;
  n.statement = pick_text(o.words, welsh, buf);
  n.importance = rng.chance(0.8) ? Importance::to : Importance::for_;
  for (auto area : o.areas) n.areas.push_back({"wales", std::string(area)});
  n.baseline.reviewed_on = day(2025, 1 + rng.below(6), 1 + rng.below(28));
  int person_score = 1 + rng.below(4), worker_score = 1 + rng.below(4);
  n.baseline.person_view = {person_score, pick_text(kReasons[0], welsh, buf)};
  n.baseline.worker_view = {worker_score, welsh ? "Man cychwyn." : "Where we start from."};
  const auto made = must(outcomes.create(actor, n), "agree an outcome");
  const int reviews = 1 + rng.below(3);
  for (int k = 1; k <= reviews; ++k) {
    OutcomeReview r;
    r.outcome_id = made.outcome.id;
    r.reviewed_on = day(2025 + (k * 4 + 5) / 12, 1 + (k * 4 + 5) % 12, 1 + rng.below(28));
    person_score = std::clamp(person_score + rng.below(4) - 1, 0, 10);
    worker_score = std::clamp(worker_score + rng.below(3), 0, 10);
    r.person_view = {person_score,
                     pick_text(kReasons[static_cast<std::size_t>(rng.below(4))], welsh, buf)};
    r.worker_view = {worker_score, welsh ? "Cytunwyd gyda'r teulu." : "Agreed with the family."};
    const auto status = k < reviews         ? OutcomeStatus::progressing
                        : person_score >= 8 ? OutcomeStatus::achieved
                                            : OutcomeStatus::progressing;
    must(outcomes.review(actor, r, status), "review an outcome");
  }
  return made.outcome.id;
}

struct DemoAction {
  Words what;
  ActionOwner owner;
  Words who;
};
constexpr std::array<DemoAction, 5> kActions = {{
    {{"Walk the children to school on Mondays and Thursdays.",
      "Cerdded y plant i'r ysgol ar ddydd Llun a dydd Iau."},
     ActionOwner::network,
     {"Nain", "Nain"}},
    {{"Ring the housing officer about the damp in the back bedroom.",
      "Ffonio'r swyddog tai am y lleithder yn yr ystafell wely gefn."},
     ActionOwner::worker,
     {"", ""}},
    {{"Go to the Tuesday parents' group at the family centre.",
      "Mynd i'r grŵp rhieni dydd Mawrth yn y ganolfan deulu."},
     ActionOwner::person,
     {"", ""}},
    {{"Set up a weekly time for homework at the kitchen table.",
      "Trefnu amser gwaith cartref bob wythnos wrth fwrdd y gegin."},
     ActionOwner::family,
     {"", ""}},
    {{"Arrange a meeting with the school about a quiet space at lunchtime.",
      "Trefnu cyfarfod gyda'r ysgol am le tawel amser cinio."},
     ActionOwner::agency,
     {"The school", "Yr ysgol"}},
}};
constexpr std::array<Words, 3> kTheirWords = {{
    {"It is working — the mornings are calmer.", "Mae'n gweithio — mae'r boreau'n dawelach."},
    {"Some weeks yes, some weeks no.", "Rhai wythnosau ie, rhai wythnosau na."},
    {"Not yet — we need a bit more time.", "Ddim eto — mae angen ychydig mwy o amser arnon ni."},
}};

// A couple of agreed actions, checked together a few times, and for some families a support
// decision that serves the child's outcome.
void add_demo_plan(PlanService& plans, const Actor& actor, const FamilyRecord& family,
                   Id outcome_id, bool welsh, int i, Rng& rng, DemoRecordResult& out) {
  std::string buf;
  for (int k = 0, n = 1 + rng.below(2); k < n; ++k) {
    const auto& d = kActions[static_cast<std::size_t>(i + k) % kActions.size()];
    AgreedAction a;
    a.family_id = family.family.id;
    a.what = pick_text(d.what, welsh, buf);
    a.owner = d.owner;
    a.who = pick_text(d.who, welsh, buf);
    if (d.owner == ActionOwner::person) a.person_id = family.people.front().id;
    a.by_when = day(2026, 1 + rng.below(12), 1 + rng.below(28));
    if (k == 0) a.outcome_id = outcome_id;
    const auto saved = must(plans.save_action(actor, a), "agree an action");
    ++out.actions;
    for (int c = 0, checks = rng.below(3); c < checks; ++c) {
      ActionProgress p;
      p.on = day(2026, 1 + c * 4 + rng.below(3), 1 + rng.below(28));
      p.state = c + 1 == checks && rng.chance(0.5) ? ActionState::done : ActionState::partly;
      p.their_words = pick_text(kTheirWords[static_cast<std::size_t>(rng.below(3))], welsh, buf);
      must(plans.check_action(actor, saved.id, p), "check an action");
    }
  }
  if (i % 3 != 0) return;
  SupportDecision d;
  d.family_id = family.family.id;
  d.decided_on = day(2026, 1 + rng.below(10), 1 + rng.below(28));
  d.kind = kDecisionKinds.values()[static_cast<std::size_t>(rng.below(8))];
  d.outcome_ids = {outcome_id};
  d.reason = welsh ? "Mae'r teulu a'u rhwydwaith yn gwneud mwy eu hunain; mae hyn yn cadw'r "
                     "hyn sy'n bwysig iddyn nhw."
                   : "The family and their network are doing more themselves; this keeps what "
                     "matters to them.";
  must(plans.record_decision(actor, d), "record a support decision");
  ++out.decisions;
}

}  // namespace

DemoRecordResult build_demo_record(RecordService& records, OutcomeService& outcomes,
                                   PlanService& plans, NetworkService& networks,
                                   SafetyService& safety, InvolvementService& involvements,
                                   UserService& users) {
  DemoRecordResult out;
  const auto op = UserService::operator_actor();
  std::vector<User> leads;
  for (const auto& u : must(users.list(op, std::nullopt, {0, 1000}), "list staff"))
    if (u.pod_id && (u.role == Role::practitioner || u.role == Role::senior_practitioner))
      leads.push_back(u);
  if (leads.empty()) return out;
  // The demo's practitioner account leads the first families, so signing in as them shows a
  // caseload; the rest are spread over the pods' practitioners.
  std::stable_partition(leads.begin(), leads.end(),
                        [](const User& u) { return u.email.rfind("practitioner@", 0) == 0; });
  Rng rng(0x5A5A'0001ull);
  constexpr int kFamilies = 64;
  for (int i = 0; i < kFamilies; ++i) {
    const User& lead =
        leads[static_cast<std::size_t>(i < 6 ? 0 : rng.below(static_cast<int>(leads.size())))];
    const Actor actor{lead, "demo"};
    const bool welsh = i % 4 == 1;
    const std::string surname = pick(kSurnames, rng);
    NewFamily f;
    f.name = welsh ? "Teulu " + surname : "The " + surname + " family";
    f.opened_on = day(2025, 1 + rng.below(12), 1 + rng.below(28));
    f.status = kInvolvementStatuses.values()[static_cast<std::size_t>(rng.below(4))];
    for (int a = 0, n = 1 + rng.below(2); a < n; ++a) {
      Person p;
      p.given_name = pick(kAdults, rng);
      p.family_name = surname;
      p.date_of_birth = day(1975 + rng.below(20), 1 + rng.below(12), 1 + rng.below(28));
      p.preferred_language = welsh ? Language::cy : Language::en;
      if (welsh) p.active_offer_on = f.opened_on;
      p.communication.interpreter = rng.chance(0.05);
      f.members.push_back({p, MemberRole::parent});
    }
    for (int k = 0, n = 1 + rng.below(3); k < n; ++k) {
      Person p;
      p.given_name = pick(kChildren, rng);
      p.preferred_name = p.given_name == "Gwenllïan" ? "Gwen" : pick(kPreferred, rng);
      if (p.preferred_name == p.given_name) p.preferred_name.clear();
      p.family_name = surname;
      p.date_of_birth = day(2010 + rng.below(14), 1 + rng.below(12), 1 + rng.below(28));
      p.preferred_language = welsh ? Language::cy : Language::en;
      f.members.push_back({p, MemberRole::child});
    }
    const auto family = must(records.create_family(actor, f), "add a family");
    ++out.families;
    out.people += family.people.size();
    std::string buf;
    const std::string story =
        welsh
            ? fmt::format(
                  "Mae {} yn byw gyda'r plant ger Ystalyfera. {}", family.people[0].given_name,
                  pick_text(kStrengths[static_cast<std::size_t>(i) % kStrengths.size()], true, buf))
            : fmt::format("{} lives with the children near Pontardawe. {}",
                          family.people[0].given_name,
                          pick_text(kStrengths[static_cast<std::size_t>(i) % kStrengths.size()],
                                    false, buf));
    must(records.save_story(actor, StorySubject::family, family.family.id, story, 0),
         "write a story");
    for (int k = 0, n = 2 + rng.below(3); k < n; ++k) {
      Conversation v;
      v.family_id = family.family.id;
      v.held_on = day(2025 + k / 2, 1 + (k * 5 + i) % 11, 1 + rng.below(28));
      v.place = kConversationPlaces.values()[static_cast<std::size_t>(rng.below(6))];
      v.language = welsh ? Language::cy : Language::en;
      const auto& speaker =
          family
              .people[static_cast<std::size_t>(rng.below(static_cast<int>(family.people.size())))];
      v.present = {family.people[0].id};
      if (speaker.id != family.people[0].id) v.present.push_back(speaker.id);
      v.what_matters = {
          {pick_text(kWhatMatters[static_cast<std::size_t>(rng.below(8))], welsh, buf), speaker.id,
           ""}};
      v.strengths = pick_text(kStrengths[static_cast<std::size_t>(rng.below(6))], welsh, buf);
      v.worries = pick_text(kWorries[static_cast<std::size_t>(rng.below(5))], welsh, buf);
      v.next_steps = welsh ? "Galw eto ymhen pythefnos." : "Visit again in a fortnight.";
      // Every other conversation hears a child in their own words (or what their play said).
      if (k % 2 == 0)
        for (std::size_t m = 0; m < family.people.size(); ++m)
          if (family.family.members[m].role == MemberRole::child) {
            const auto& child = family.people[m];
            if (std::find(v.present.begin(), v.present.end(), child.id) == v.present.end())
              v.present.push_back(child.id);
            const auto& words = kChildVoices[static_cast<std::size_t>(i + k) % kChildVoices.size()];
            v.voices.push_back({child.id, pick_text(words.said, welsh, buf), words.heard,
                                pick_text(words.share, welsh, buf)});
            break;
          }
      v.led_to = kConversationOutcomes.values()[static_cast<std::size_t>(rng.below(4))];
      // The newest conversation of some families is still a draft: it sits at the top.
      v.state = k == n - 1 && i % 5 == 0 ? ConversationState::draft : ConversationState::finished;
      must(records.save_conversation(actor, v), "record a conversation");
      ++out.conversations;
    }
    // The first adult and the first child each have an outcome agreed with them, and the
    // family's actions and decisions serve the child's (or the adult's, with no child).
    Id served = add_demo_outcome(
        outcomes, actor, family.people.front(),
        kAdultOutcomes[static_cast<std::size_t>(i) % kAdultOutcomes.size()], welsh, rng);
    ++out.outcomes;
    for (std::size_t m = 0; m < family.people.size(); ++m)
      if (family.family.members[m].role == MemberRole::child) {
        served = add_demo_outcome(
            outcomes, actor, family.people[m],
            kChildOutcomes[static_cast<std::size_t>(i) % kChildOutcomes.size()], welsh, rng);
        ++out.outcomes;
        break;
      }
    add_demo_plan(plans, actor, family, served, welsh, i, rng, out);
    add_demo_network(networks, safety, actor, family, served, welsh, i, rng, out);
    // Some families' work ended in the spring and began again in the summer: the history of
    // both periods is kept, and the family's page shows the open one.
    if (i % 8 == 5) {
      const auto first =
          must(involvements.of_family(actor, family.family.id), "read the work").back();
      must(involvements.close(actor, {first.id, first.version, "2026-03-31",
                                      welsh ? "Y nodau wedi'u cyrraedd" : "Goals met for now"}),
           "close the work");
      must(involvements.reopen(actor, {family.family.id, "2026-06-01",
                                       InvolvementStatus::early_help, std::nullopt}),
           "open the work again");
      ++out.reopened;
    }
    if (i == 0) out.lead_email = lead.email;
  }
  return out;
}

}  // namespace sgwrs::cli
