#include "cli/record/demo_network.hpp"

#include <array>

#include "cli/record/demo_words.hpp"

namespace sgwrs::cli {
namespace {

struct DemoStrength {
  StrengthKind kind;
  Words text;
};
constexpr std::array<DemoStrength, 6> kDemoStrengths = {{
    {StrengthKind::own,
     {"Knows what calms the youngest down", "Gwybod beth sy'n tawelu'r ieuengaf"}},
    {StrengthKind::family,
     {"Cooks together on Sundays and talks things through",
      "Coginio gyda'i gilydd ar y Sul a siarad pethau drwodd"}},
    {StrengthKind::network, {"Nain is there every school morning", "Mae Nain yno bob bore ysgol"}},
    {StrengthKind::community,
     {"The chapel choir gives Mam a night out each week",
      "Mae côr y capel yn rhoi noson allan i Mam bob wythnos"}},
    {StrengthKind::own,
     {"Has kept every appointment since the spring", "Wedi cadw pob apwyntiad ers y gwanwyn"}},
    {StrengthKind::network,
     {"A neighbour has keys and calls in every day",
      "Mae gan gymydog allweddi ac mae'n galw bob dydd"}},
}};

struct DemoTie {
  Words name;
  NetworkRole role;
  TieQuality tie;
  SupportFlow flow;
  Words support;
  Words how_often;
};
constexpr std::array<DemoTie, 8> kDemoTies = {{
    {{"Nain", "Nain"},
     NetworkRole::relative,
     TieQuality::strong,
     SupportFlow::to_family,
     {"Walks the children to school", "Cerdded y plant i'r ysgol"},
     {"Every school day", "Bob diwrnod ysgol"}},
    {{"Dad", "Dad"},
     NetworkRole::relative,
     TieQuality::stressful,
     SupportFlow::both,
     {"Has the children at weekends; rows about money",
      "Cael y plant ar benwythnosau; ffraeo am arian"},
     {"Every other weekend", "Bob yn ail benwythnos"}},
    {{"Mrs Rees at school", "Mrs Rees yn yr ysgol"},
     NetworkRole::teacher,
     TieQuality::strong,
     SupportFlow::to_family,
     {"A quiet room when things are hard", "Ystafell dawel pan fydd pethau'n anodd"},
     {"When needed", "Pan fo angen"}},
    {{"Aunty Sian", "Modryb Siân"},
     NetworkRole::relative,
     TieQuality::tenuous,
     SupportFlow::none,
     {"Used to help; moved to Cardiff", "Arferai helpu; symudodd i Gaerdydd"},
     {"Rarely now", "Anaml nawr"}},
    {{"Next door", "Drws nesa"},
     NetworkRole::neighbour,
     TieQuality::strong,
     SupportFlow::both,
     {"Keys, lifts, a cup of tea", "Allweddi, lifftiau, paned"},
     {"Most days", "Bron bob dydd"}},
    {{"Health visitor", "Ymwelydd iechyd"},
     NetworkRole::health,
     TieQuality::tenuous,
     SupportFlow::to_family,
     {"Checks on the baby's cough", "Gwirio peswch y babi"},
     {"Monthly", "Yn fisol"}},
    {{"Football club", "Clwb pêl-droed"},
     NetworkRole::club,
     TieQuality::strong,
     SupportFlow::to_family,
     {"Saturday mornings for the boys", "Bore Sadwrn i'r bechgyn"},
     {"Every Saturday", "Bob dydd Sadwrn"}},
    {{"Capel Bethel", "Capel Bethel"},
     NetworkRole::faith_group,
     TieQuality::strong,
     SupportFlow::from_family,
     {"Mam sings and helps with the food bank", "Mam yn canu ac yn helpu gyda'r banc bwyd"},
     {"Every Sunday", "Bob dydd Sul"}},
}};

constexpr std::array<Words, 3> kWhoDoYouGoTo = {{
    {"I go to Nain when I'm sad. She gives me biscuits and listens.",
     "Dw i'n mynd at Nain pan dw i'n drist. Mae hi'n rhoi bisgedi i fi ac yn gwrando."},
    {"Mrs Rees lets me sit in the quiet room.",
     "Mae Mrs Rees yn gadael i fi eistedd yn yr ystafell dawel."},
    {"Football is the best bit of the week.", "Pêl-droed yw'r darn gorau o'r wythnos."},
}};

struct DemoWorry {
  Words worry, goal, working_well, next;
};
constexpr std::array<DemoWorry, 4> kDemoWorries = {{
    {{"When Dad has been drinking there are rows late at night and the children are frightened.",
      "Pan fydd Dad wedi bod yn yfed mae ffraeo'n hwyr y nos ac mae ofn ar y plant."},
     {"The children sleep at Nain's on any night there has been drinking.",
      "Mae'r plant yn cysgu yn nhŷ Nain unrhyw noson y bu yfed."},
     {"Nain has the children every Friday and they come home happy.",
      "Mae Nain yn cael y plant bob dydd Gwener ac maen nhw'n dod adref yn hapus."},
     {"Dad goes to the alcohol service and Mam and Dad agree a plan for the weekends.",
      "Dad yn mynd i'r gwasanaeth alcohol a Mam a Dad yn cytuno cynllun ar gyfer y penwythnosau."}},
    {{"The house is damp and the youngest keeps coughing.",
      "Mae'r tŷ yn llaith ac mae'r ieuengaf yn dal i beswch."},
     {"A dry bedroom for the children by the winter.",
      "Ystafell wely sych i'r plant erbyn y gaeaf."},
     {"Mam takes the youngest to every health visitor check.",
      "Mam yn mynd â'r ieuengaf i bob archwiliad ymwelydd iechyd."},
     {"The landlord fixes the roof; we ask housing to chase it.",
      "Y landlord yn trwsio'r to; gofyn i dai fynd ar ei ôl."}},
    {{"School attendance has dropped and Osian is missing lessons.",
      "Mae presenoldeb wedi gostwng ac mae Osian yn colli gwersi."},
     {"Osian is in school four days out of five and says it is OK.",
      "Osian yn yr ysgol bedwar diwrnod o bump ac yn dweud ei fod yn iawn."},
     {"Osian never misses football and is proud of it.",
      "Dydy Osian byth yn colli pêl-droed ac mae'n falch o hynny."},
     {"A meeting with Mrs Rees about a quiet start to the day.",
      "Cyfarfod gyda Mrs Rees am ddechrau tawel i'r diwrnod."}},
    {{"Mam feels alone and low since moving away from her sister.",
      "Mae Mam yn teimlo'n unig ac yn isel ers symud oddi wrth ei chwaer."},
     {"Mam has someone she can call every day and a night out each week.",
      "Mae gan Mam rywun i'w ffonio bob dydd a noson allan bob wythnos."},
     {"The chapel choir on Thursdays; Mam says it is her time.",
      "Côr y capel ar nos Iau; mae Mam yn dweud mai dyna ei hamser hi."},
     {"Mam sees her GP about how she is feeling.",
      "Mam yn gweld ei meddyg teulu am sut mae'n teimlo."}},
}};

}  // namespace

void add_demo_network(NetworkService& networks, SafetyService& safety, const Actor& actor,
                      const FamilyRecord& family, Id outcome_id, bool welsh, int i, Rng& rng,
                      DemoRecordResult& out) {
  std::string buf;
  const Id family_id = family.family.id;
  for (int k = 0, n = 1 + rng.below(3); k < n; ++k) {
    const auto& d = kDemoStrengths[static_cast<std::size_t>(i + k) % kDemoStrengths.size()];
    Strength s;
    s.family_id = family_id;
    s.kind = d.kind;
    s.text = pick_text(d.text, welsh, buf);
    if (d.kind == StrengthKind::own) s.person_id = family.people.front().id;
    if (k == 0) s.outcome_ids = {outcome_id};
    must(networks.save_strength(actor, s), "record a strength");
    ++out.strengths;
  }
  // The first child, if any, says in their own words who they go to.
  std::optional<Id> child;
  for (std::size_t m = 0; m < family.people.size(); ++m)
    if (family.family.members[m].role == MemberRole::child) {
      child = family.people[m].id;
      break;
    }
  for (int k = 0, n = 3 + rng.below(4); k < n; ++k) {
    const auto& d = kDemoTies[static_cast<std::size_t>(i + k) % kDemoTies.size()];
    NetworkMember m;
    m.family_id = family_id;
    m.name = pick_text(d.name, welsh, buf);
    m.role = d.role;
    m.tie = d.tie;
    m.flow = d.flow;
    m.support = pick_text(d.support, welsh, buf);
    m.how_often = pick_text(d.how_often, welsh, buf);
    if (child && k < 2) {
      m.person_id = child;
      m.their_words = pick_text(
          kWhoDoYouGoTo[static_cast<std::size_t>(i + k) % kWhoDoYouGoTo.size()], welsh, buf);
    }
    // Now and then someone on the map must stay hidden from another member: marked sensitive,
    // so the demo shows what a break-glass reader and the family view leave out.
    if (i % 7 == 3 && k == n - 1)
      m.marking.sensitive_reason =
          welsh ? "Ni ddylai Dad wybod amdano" : "Dad must not learn of him";
    must(networks.save_member(actor, m), "add someone to the eco-map");
    ++out.network_members;
  }
  const auto& w = kDemoWorries[static_cast<std::size_t>(i) % kDemoWorries.size()];
  const std::string mam = welsh ? "Mam" : "Mum";
  SafetyStatement worry;
  worry.family_id = family_id;
  worry.kind = SafetyKind::worry;
  worry.text = pick_text(w.worry, welsh, buf);
  worry.safety_goal = pick_text(w.goal, welsh, buf);
  worry.said_by = welsh ? "Y gweithiwr a Mam" : "The worker and Mum";
  if (i % 3 == 0)
    worry.disagreement = welsh ? "Mae Dad yn dweud nad yw'n gweld y broblem."
                               : "Dad says he does not see it as a problem.";
  SafetyStatement well;
  well.family_id = family_id;
  well.kind = SafetyKind::working_well;
  well.text = pick_text(w.working_well, welsh, buf);
  well.said_by = mam;
  SafetyStatement next;
  next.family_id = family_id;
  next.kind = SafetyKind::needs_to_happen;
  next.text = pick_text(w.next, welsh, buf);
  next.said_by = welsh ? "Pawb yn y cyfarfod" : "Everyone at the meeting";
  for (const auto& s : {worry, well, next}) {
    must(safety.save_statement(actor, s), "record a worry or what is working well");
    ++out.safety_statements;
  }
  // Scaling three times over the year, from the family's and the worker's view, moving up.
  const int start = 2 + rng.below(3);
  for (int k = 0; k < 3; ++k)
    for (const auto p : {Perspective::family, Perspective::worker}) {
      Scaling s;
      s.family_id = family_id;
      s.on = day(2026, 1 + k * 4, 3 + rng.below(20));
      s.perspective = p;
      s.who = p == Perspective::family ? mam : (welsh ? "Gweithiwr arweiniol" : "Lead worker");
      s.score = std::min(kScalingHigh, start + k * (1 + rng.below(2)) - (p == Perspective::worker));
      s.reason =
          k == 0 ? (welsh ? "Mae pethau wedi bod yn anodd." : "Things have been hard.")
                 : (welsh ? "Mae'r cynllun yn dechrau helpu." : "The plan is starting to help.");
      must(safety.record_scaling(actor, s), "record a scaling");
      ++out.scalings;
    }
}

}  // namespace sgwrs::cli
