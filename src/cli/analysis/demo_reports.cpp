#include "cli/analysis/demo_reports.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <vector>
#include "cli/core/demo_random.hpp"

namespace sgwrs::cli {
namespace {

using std::string_view;

// The four headings, in the order practitioners write them.
enum Part : int { W = 0, B = 1, D = 2, L = 3 };

struct Line {
  Part part;
  const char* themes;  // "primary" or "primary+second"
  const char* areas;   // filter, see kEnglish
  const char* text;
};

// English practitioner sentences: {part, "primary-theme[+second-theme]", area filter, text}.
// Area filter: empty for any, a comma list of area codes, or "!" and a list to exclude.
// Codes: cs childrens_services, asc adult_social_care, hou housing, hd hospital_discharge,
// com community, ifd integrated_front_door (service kind ids).
// clang-format off
constexpr Line kEnglish[] = {
  // listening-and-reflection
  {W, "listening-and-reflection", "", "We are using reflective statements far more, and families notice the difference."},
  {W, "listening-and-reflection", "", "Slowing down and leaving a silence has been the biggest change for most of us."},
  {W, "listening-and-reflection", "cs,com,asc", "On a home visit last month a grandmother opened up about her own childhood once I stopped filling the gaps and just listened."},
  {W, "listening-and-reflection", "", "Asking \"what's been happening for you?\" instead of running through the form has changed the first ten minutes of a visit."},
  {W, "listening-and-reflection", "", "Open questions feel natural now rather than something we have to remember to do."},
  {W, "listening-and-reflection", "", "One colleague said she used to hear the answer she expected; now she is genuinely curious about what the person will say."},
  {W, "listening-and-reflection", "", "Reflecting back what someone has said, in their words, has calmed some very heated phone calls on duty."},
  {W, "listening-and-reflection", "", "We catch ourselves summarising before moving on, and people correct us, which is exactly what we want."},
  {W, "listening-and-reflection+engagement-and-trust", "cs,ifd", "A young person told his worker it was the first time anyone had asked him what he thought about his placement."},
  {W, "listening-and-reflection", "", "Staying curious about why a carer is refusing support, instead of just recording a refusal, has opened doors."},
  {W, "listening-and-reflection", "", "The listening skills carry over into conversations with colleagues and partners, not just with families."},
  {W, "listening-and-reflection", "hd", "On the ward we now ask the person what they are worried about before anyone mentions packages of care."},
  {W, "listening-and-reflection+engagement-and-trust", "hou", "Tenants who used to hang up on us are staying on the line because we let them finish."},
  {W, "listening-and-reflection+personal-outcomes", "hou,com", "One housing officer now asks tenants what a good week looks like, and the answers surprise her."},
  {W, "listening-and-reflection", "ifd", "At the front door we take an extra two minutes on calls to understand what the caller is really worried about."},
  {W, "listening-and-reflection+engagement-and-trust", "cs,ifd,com", "Parents have said \"you actually listened\" at the end of a visit, which we rarely heard before."},
  {W, "listening-and-reflection", "", "Sitting with a silence felt uncomfortable at first, but the most important things came after it."},
  {B, "listening-and-reflection+time-and-capacity", "", "It is hard to stay curious when the phone is ringing and three duty calls are waiting."},
  {B, "listening-and-reflection+risk-and-control", "", "Some of us slip back into questionnaire mode as soon as there is a risk on the table."},
  {B, "listening-and-reflection+time-and-capacity", "", "When a visit is booked for thirty minutes, curiosity is the first thing to go."},
  {D, "listening-and-reflection+training-coverage", "", "Short refreshers on reflective statements, maybe fifteen minutes in a team meeting, to keep the skills sharp."},
  {D, "listening-and-reflection+reflective-practice", "", "Listening back to a recorded conversation together (with consent) so we can learn from it."},
  {L, "listening-and-reflection+time-and-capacity", "", "Listening well takes longer at the start but saves time later, and the figures should reflect that."},
  {L, "listening-and-reflection", "", "A good conversation is the work, not something that gets in the way of the work."},
  {L, "listening-and-reflection", "", "Families can tell when we are listening and when we are gathering information for a form."},
  {L, "listening-and-reflection", "", "Curiosity cannot be switched on for visits and off for everything else; it needs room across the whole service."},
  {D, "listening-and-reflection+training-coverage", "", "Practising reflective statements on each other in team meetings, not only on training days."},
  {D, "listening-and-reflection+mentoring", "", "Observed practice with feedback on how we listen, from a mentor rather than an auditor."},

  // personal-outcomes
  {W, "personal-outcomes", "!cs", "Outcomes are now written in the person's own words, such as \"I want to walk my dog to the park again\"."},
  {W, "personal-outcomes", "", "Asking what matters to someone, and not just what is the matter with them, has changed our assessments."},
  {W, "personal-outcomes", "", "We are clearer about the difference between what is important to a person and what is important for them."},
  {W, "personal-outcomes", "cs,com,ifd", "A father said the plan finally sounded like his family rather than a list of services."},
  {W, "personal-outcomes", "asc,hd,com", "Care and support plans are shorter, and the outcomes are ones people recognise when they read them."},
  {W, "personal-outcomes", "", "In reviews we start from what the person wanted last time and whether it has happened."},
  {W, "personal-outcomes", "cs", "Children's plans now open with what the child says they want, in the child's own words."},
  {W, "personal-outcomes", "hd", "For people leaving hospital we record what home means to them, not just whether the stairs are safe."},
  {W, "personal-outcomes", "hd,asc", "A man on the ward told us that getting back to his allotment mattered more than anything, and we built the plan from there."},
  {W, "personal-outcomes", "asc,hd,com", "We are hearing small, specific outcomes, such as being able to make a cup of tea for a visitor."},
  {B, "personal-outcomes+systems-and-processes", "", "The assessment template still asks for needs first, so outcomes end up squeezed at the bottom."},
  {B, "personal-outcomes+systems-and-processes", "", "Outcomes in the person's words get rewritten by the time the plan reaches panel."},
  {B, "personal-outcomes+systems-and-processes", "", "Panels still ask what services someone needs, not what they want their life to look like."},
  {D, "personal-outcomes+systems-and-processes", "", "A recording template that opens with \"what matters to me\", to support what we are already trying to do."},
  {D, "personal-outcomes", "", "Audits that check whether outcomes are personal, not just whether the boxes are filled."},
  {L, "personal-outcomes+right-support", "", "What matters to people is rarely a service, and commissioning needs to catch up with that."},
  {L, "personal-outcomes", "", "Outcomes in people's own words are harder to count, but they are the ones that mean something."},

  // strengths-and-resources
  {W, "strengths-and-resources", "", "Drawing eco-maps with families has surfaced aunts, neighbours and friends we did not know existed."},
  {W, "strengths-and-resources", "", "We are naming strengths in plans, not only the risks."},
  {W, "strengths-and-resources", "cs,com,ifd", "A mum who was described as \"not engaging\" turned out to have a strong network at chapel that now helps with the school run."},
  {W, "strengths-and-resources", "", "Looking for exceptions, the times when things go well, has given families something to build on."},
  {W, "strengths-and-resources", "", "Using genograms on the first visit helps us see who is around the person before we think about services."},
  {W, "strengths-and-resources+right-support", "asc,hd,com", "An older man's neighbour now calls in every morning, which matters more to him than the extra care hours we had planned."},
  {W, "strengths-and-resources", "com,asc", "Community connectors help us find local groups, so plans draw on what is already there."},
  {W, "strengths-and-resources", "cs,com", "A young carer's football coach turned out to be the adult she trusted most, and he is now part of her plan."},
  {W, "strengths-and-resources", "", "Asking \"who helped last time things were hard?\" has found support we would never have thought of."},
  {B, "strengths-and-resources+systems-and-processes", "", "Strengths still feel like an add-on at the end of the assessment rather than the starting point."},
  {B, "strengths-and-resources+risk-and-control", "", "When there is a safeguarding concern, strengths tend to disappear from the record."},
  {D, "strengths-and-resources+time-and-capacity", "", "Time to map networks properly at the start of a case, not in the last five minutes."},
  {D, "strengths-and-resources+integration-with-partners", "", "Partners using the same strengths language, so joint plans are easier to write."},
  {L, "strengths-and-resources", "", "Families have more resources than our systems show, and we need permission to go looking for them."},

  // right-support
  {W, "right-support", "asc,hd,com", "We have redesigned packages with people and, in several cases, they needed less formal care than we first thought."},
  {W, "right-support+strengths-and-resources", "cs,ifd", "Two families stepped down from child protection to early help after plans were built around their own networks."},
  {W, "right-support", "", "Rather than adding another service we asked what would actually help, and sometimes it was one practical thing."},
  {W, "right-support+integration-with-partners", "", "Proportionate support means we are no longer sending four agencies into the same house."},
  {W, "right-support", "asc,com", "A woman caring for her husband chose a sitting service one afternoon a week instead of respite, because it fitted her life."},
  {W, "right-support", "hou", "Support is being planned with tenants rather than offered from a menu of whatever we happen to have."},
  {B, "right-support+risk-and-control", "", "The default is still to refer on, because it feels safer than trusting a lighter plan."},
  {B, "right-support+systems-and-processes", "", "Commissioned services come in fixed blocks, so support cannot flex to what the person actually wants."},
  {B, "right-support", "", "Waiting lists for the right service mean people end up with whatever is available instead."},
  {D, "right-support+poverty-and-context", "", "A small flexible budget for practical things, such as a bus pass or a washing machine repair."},
  {D, "right-support", "", "Commissioning that lets us reduce a package without it feeling like a failure."},
  {L, "right-support", "", "Less support, done well, is often the right support, and that should count as success."},
  {L, "right-support", "", "Stepping support down is good practice, not a risk to be justified."},
  {L, "right-support", "", "Redesigning support with people takes longer at first, but the plans last."},

  // engagement-and-trust
  {W, "engagement-and-trust", "", "Families are opening up earlier, sometimes on the first visit."},
  {W, "engagement-and-trust", "cs,ifd,com", "Meetings feel less defensive; parents ask questions instead of sitting with their arms folded."},
  {W, "engagement-and-trust", "", "A father who had refused every visit for a year now texts his worker when things are difficult."},
  {W, "engagement-and-trust", "", "People tell us they feel heard, and it shows in the complaints we are no longer getting."},
  {W, "engagement-and-trust", "cs", "Child protection conferences have changed tone since we started talking the report through with parents beforehand."},
  {W, "engagement-and-trust+listening-and-reflection", "hou", "Tenants in arrears are ringing us before things reach court, because they trust that we will listen."},
  {W, "engagement-and-trust", "hd", "On the ward, relatives who were angry about the discharge plan calmed down once they felt part of it."},
  {W, "engagement-and-trust", "cs,com", "Young people are more willing to say what is really going on when they can tell we are not just ticking boxes."},
  {W, "engagement-and-trust", "cs,com,asc,hou", "A grandmother who had always kept us on the doorstep invited us in and made tea."},
  {W, "engagement-and-trust+personal-outcomes", "", "People read their plans and recognise themselves in them, and a few have asked for copies to show relatives."},
  {W, "engagement-and-trust", "ifd", "Callers who are angry at the start are often calmer by the end of the call."},
  {B, "engagement-and-trust+time-and-capacity", "", "Trust takes time to build, and a change of worker can undo months of it."},
  {B, "engagement-and-trust", "", "Families who have had bad experiences with services before are still wary, however we approach them."},
  {D, "engagement-and-trust+systems-and-processes", "", "Keeping the same worker through transfers, so relationships are not lost at every handover."},
  {L, "engagement-and-trust", "", "The relationship is what makes change possible, and every handover costs people something."},

  // reflective-practice
  {W, "reflective-practice", "", "The monthly reflective group is the one space where we think about families rather than deadlines."},
  {W, "reflective-practice", "", "Debriefing after a difficult visit, even for ten minutes, makes a real difference to how we go back."},
  {W, "reflective-practice", "", "We have started using the reflective questions from the training in team meetings."},
  {W, "reflective-practice+listening-and-reflection", "", "Group reflection on a stuck case helped us see that we had stopped listening to the mother."},
  {W, "reflective-practice", "", "A short reflection at the end of duty has become a habit for some of the team."},
  {W, "reflective-practice", "", "Case discussions now start with \"what are we curious about?\" rather than \"what have we done?\""},
  {W, "reflective-practice", "hd", "Peer reflection on a Friday afternoon has become a fixture for the discharge team."},
  {B, "reflective-practice+time-and-capacity", "", "Reflective sessions are the first thing to be cancelled when the team is short."},
  {B, "reflective-practice+office-culture", "", "Reflection is seen as a luxury; when we are busy it is simply not an option."},
  {B, "reflective-practice+supervision", "", "Reflective supervision was promised but has happened twice since the training."},
  {D, "reflective-practice+time-and-capacity", "", "Protected reflective time every fortnight that does not get cancelled for cover."},
  {D, "reflective-practice+integration-with-partners", "hd,asc", "A reflective space shared with health colleagues on the discharge team."},
  {D, "reflective-practice", "", "Simple tools for reflection, such as a prompt card we can use on our own between visits."},
  {D, "reflective-practice+leadership", "", "Facilitated group reflection that includes managers, not only practitioners."},
  {D, "reflective-practice+time-and-capacity", "", "A quiet room booked for reflection that does not get taken over for meetings."},
  {L, "reflective-practice", "", "Reflective practice is not time away from the work; it is how we keep doing the work well."},
  {L, "reflective-practice+leadership", "", "When reflection is cancelled, the message we hear is that it never really mattered."},

  // mentoring
  {W, "mentoring", "", "The mentor's {day} drop-in is well used, and people bring real cases."},
  {W, "mentoring", "", "Having a mentor in the team means there is someone to ask \"how would you say this?\" before a difficult visit."},
  {W, "mentoring", "", "Champions in each team keep the approach on the agenda at team meetings."},
  {W, "mentoring", "", "Peer support has grown informally, and people pair up to practise conversations."},
  {W, "mentoring+training-coverage", "", "Newer staff say the mentors are the reason they have kept using the approach."},
  {W, "mentoring", "", "Our mentor sat in on a review meeting and gave feedback afterwards, which was more useful than any course."},
  {W, "mentoring", "", "Two of the mentors now run a practice session together each month, which keeps things fresh."},
  {B, "mentoring+time-and-capacity", "", "Mentors have no protected time, so the role gets squeezed into lunch breaks."},
  {B, "mentoring+leadership", "", "It is not clear what mentors are allowed to do, or whether managers recognise the role."},
  {B, "mentoring+training-coverage", "", "Some teams still have no mentor, so people there feel they are on their own with it."},
  {D, "mentoring+time-and-capacity", "", "A mentor for every team, with time taken off their caseload for it."},
  {D, "mentoring", "", "Mentors meeting across teams and organisations to share what works."},
  {D, "mentoring", "", "A regular slot for the mentor at team meetings, so the approach stays visible."},
  {D, "mentoring+leadership", "", "Recognition of the mentor role in job descriptions and appraisals."},
  {L, "mentoring+burnout-and-wellbeing", "", "Mentors need time and a clear role, otherwise they quietly burn out."},
  {L, "mentoring", "", "The mentor programme is where the learning sticks, and it needs to be resourced as such."},

  // supervision
  {W, "supervision", "", "Some supervisors now start supervision by asking how we are, and then what matters in the case."},
  {W, "supervision", "", "Supervision that mirrors the approach, listening and curious, is starting to happen in our team."},
  {W, "supervision+listening-and-reflection", "", "My manager used reflective statements with me in supervision, and I realised how it feels on the other side."},
  {W, "supervision", "", "Supervision notes now include what the worker is curious about, not only actions and dates."},
  {B, "supervision+systems-and-processes", "", "Supervision is mainly a case list and a check on deadlines."},
  {B, "supervision+time-and-capacity", "", "Supervision is often cancelled or cut short when something urgent comes in."},
  {B, "supervision+office-culture", "", "We are asked to be relational with families, but supervision is still about compliance."},
  {B, "supervision+time-and-capacity", "", "Supervision is monthly on paper, but in practice it happens every two or three months."},
  {D, "supervision+reflective-practice", "", "Supervision that makes space for reflection, not just task monitoring."},
  {D, "supervision+training-coverage", "", "Training supervisors in the approach so that supervision models it."},
  {D, "supervision", "", "Group supervision once a month, as some teams in other authorities already do."},
  {L, "supervision", "", "How we are supervised is how we end up practising."},
  {L, "supervision", "", "Supervision that only monitors tasks tells staff that the conversations do not count."},

  // leadership
  {W, "leadership+training-coverage", "", "Our team manager joined the two-day training, and it shows in how she runs team meetings."},
  {W, "leadership", "", "A senior manager came to our follow-up day and listened, which meant a lot."},
  {W, "leadership", "", "Leaders are talking about the approach in briefings, so it feels like it is here to stay."},
  {W, "leadership+reflective-practice", "", "The head of service protected the reflective session when there was pressure to cancel it."},
  {W, "leadership", "", "The director wrote to the whole service after the training to say this is how we work now."},
  {B, "leadership+training-coverage", "", "Managers who have not done the training still ask for the old style of report."},
  {B, "leadership", "", "Senior leaders are not visible, so it is hard to know whether this is really a priority."},
  {B, "leadership+time-and-capacity", "", "Mixed messages: we are told to take our time with families and then asked why visits are late."},
  {B, "leadership+initiative-overload", "", "Turnover in senior posts means each new manager brings different priorities."},
  {D, "leadership+training-coverage", "", "Managers at every level completing the training, not just frontline staff."},
  {D, "leadership", "", "Leaders attending a follow-up session to hear directly from practitioners."},
  {D, "leadership+time-and-capacity", "", "Clear permission from senior managers to spend longer on the first conversation."},
  {L, "leadership", "", "If leaders model the approach, staff will follow; if they don't, it will fade."},
  {L, "leadership+time-and-capacity", "", "We need leaders to protect time, not just endorse the training."},
  {L, "leadership", "", "Staff notice when managers are absent from the training and draw their own conclusions."},
  {L, "leadership+listening-and-reflection", "", "Leaders need to ask us how it is going, and really listen to the answer."},
  {L, "leadership+systems-and-processes", "", "Come and see practice, rather than only reading the performance report."},

  // worker-satisfaction
  {W, "worker-satisfaction", "!hou", "Several of us said this is why we came into social work in the first place."},
  {W, "worker-satisfaction", "!hou", "It feels like proper social work again."},
  {W, "worker-satisfaction", "", "People are leaving visits feeling they made a difference, not just gathered information."},
  {W, "worker-satisfaction", "", "A colleague who was thinking of leaving said the training reminded her what she loves about the job."},
  {W, "worker-satisfaction", "", "There is more energy in the team, and people share good news stories at the start of meetings."},
  {W, "worker-satisfaction", "", "People said they go home feeling they did a good day's work more often than before."},
  {W, "worker-satisfaction+engagement-and-trust", "", "Feedback from families has been the biggest boost to morale in years."},
  {B, "worker-satisfaction+burnout-and-wellbeing", "", "When we cannot practise the way we were trained, it is more demoralising than before."},
  {D, "worker-satisfaction+psychological-safety", "", "Recognising good practice, not only mistakes, so people stay motivated."},
  {L, "worker-satisfaction", "", "This approach reconnects staff with their values, and that is good for retention."},
  {L, "worker-satisfaction", "", "People stay where they feel they can do good work."},

  // time-and-capacity
  {W, "time-and-capacity", "", "Where caseloads are lower, the approach is flourishing."},
  {W, "time-and-capacity", "", "Being given a longer slot for first visits has made these conversations possible."},
  {W, "time-and-capacity+leadership", "", "Our manager has reduced new allocations for those trying out longer visits."},
  {W, "time-and-capacity", "", "The new duty rota gives each of us one protected afternoon a week for visits that need longer."},
  {W, "time-and-capacity", "", "Working cases in pairs means someone can cover when a visit runs over."},
  {B, "time-and-capacity", "", "Caseloads of {caseload} make it almost impossible to spend the time the approach needs."},
  {B, "time-and-capacity", "", "There is simply not enough time between visits to think, let alone reflect."},
  {B, "time-and-capacity", "", "Vacancies mean everyone is covering extra cases, and the deeper work gets dropped."},
  {B, "time-and-capacity", "", "Admin takes up more than half the week."},
  {B, "time-and-capacity", "", "Finding a private room at the office to talk to a family is a daily struggle."},
  {B, "time-and-capacity", "", "Travelling across a rural patch eats into the time we could spend with people."},
  {B, "time-and-capacity+integration-with-partners", "cs", "Court deadlines mean assessments are rushed, whatever we would like to do."},
  {B, "time-and-capacity+training-coverage", "", "Agency staff come and go, so the team never settles."},
  {B, "time-and-capacity", "", "We are expected to do the same number of visits as before, but each one now takes longer."},
  {B, "time-and-capacity", "ifd,cs,asc", "Duty weeks leave no space for anything but the next call."},
  {B, "time-and-capacity+integration-with-partners", "hd", "Hospital discharge pressures mean we have days, sometimes hours, to agree a plan."},
  {B, "time-and-capacity", "cs", "Some of us are carrying {caseload} cases, several of them in care proceedings."},
  {B, "time-and-capacity", "", "There is no cover when someone is off sick, so visits are cut short or moved."},
  {B, "time-and-capacity+integration-with-partners", "hd", "On the ward, a conversation about what matters gets squeezed into the ten minutes before transport arrives."},
  {B, "time-and-capacity+listening-and-reflection", "ifd", "The phone never stops on duty, and each call needs the kind of conversation we were trained in."},
  {D, "time-and-capacity", "", "Caseloads that reflect the time a good conversation takes."},
  {D, "time-and-capacity", "", "Fewer cases per worker, even for a few months, to let the approach bed in."},
  {D, "time-and-capacity", "", "Admin support, so that practitioners can spend their time with people."},
  {D, "time-and-capacity", "", "Quiet rooms at the office for phone calls and family meetings."},
  {D, "time-and-capacity+initiative-overload", "", "Filling vacancies before adding anything new."},
  {D, "time-and-capacity", "", "Realistic timescales for assessments that allow for a second visit."},
  {D, "time-and-capacity", "", "Getting the team's admin officer back in post, which would free hours every week."},
  {L, "time-and-capacity", "", "Good practice takes time, and time is the resource we have least of."},
  {L, "time-and-capacity", "", "The approach will not survive on goodwill while caseloads stay where they are."},
  {L, "time-and-capacity+burnout-and-wellbeing", "", "The workload is not sustainable; people are doing this in their own time."},
  {L, "time-and-capacity", "", "Weighted caseloads would show who is carrying the most complex work."},
  {L, "time-and-capacity", "", "Every new request lands on the same few people."},
  {L, "time-and-capacity", "", "A caseload of {caseload} and a relational approach do not go together."},
  {L, "time-and-capacity+burnout-and-wellbeing", "", "Staffing has not kept pace with demand, and goodwill is running out."},

  // risk-and-control
  {W, "risk-and-control", "cs,ifd", "We are more confident holding risk with families rather than jumping straight to a strategy meeting."},
  {W, "risk-and-control", "", "Recording is more balanced; we write down what is working alongside the worry."},
  {W, "risk-and-control+engagement-and-trust", "cs,ifd", "Safety plans are now written with families, in the language they use."},
  {B, "risk-and-control", "", "When there is risk, everything pulls back to urgency and the relational work stops."},
  {B, "risk-and-control+systems-and-processes", "", "Defensive recording still dominates: we write for the inspector or the court, not for the family."},
  {B, "risk-and-control", "cs", "There is pressure to be directive with parents as soon as a concern is raised."},
  {B, "risk-and-control+integration-with-partners", "", "Some multi-agency meetings still feel like surveillance rather than support."},
  {B, "risk-and-control+psychological-safety", "", "Fear of getting it wrong makes us cautious about trying something different."},
  {B, "risk-and-control+systems-and-processes", "ifd", "Front door decisions are still driven by thresholds rather than conversations."},
  {B, "risk-and-control+psychological-safety", "", "After a serious case review elsewhere, everything became more cautious overnight."},
  {D, "risk-and-control+leadership", "", "Support to hold risk thoughtfully, with a manager alongside rather than above."},
  {D, "risk-and-control+strengths-and-resources", "", "Risk discussions that also ask what the family's strengths are."},
  {L, "risk-and-control", "", "Relational practice is not soft on risk; it is how we understand risk properly."},
  {L, "risk-and-control+psychological-safety", "", "When something goes wrong, the response shapes how defensive everyone becomes."},

  // office-culture
  {W, "office-culture", "", "The team talk differently in the office now; people ask each other what the person said mattered."},
  {W, "office-culture", "", "There is more permission in our team to say \"I need to think about this\"."},
  {W, "office-culture+worker-satisfaction", "", "Team meetings now begin with a story of something that went well."},
  {B, "office-culture", "", "As soon as we get back to the office, it's all about tasks and timescales."},
  {B, "office-culture+reflective-practice", "", "We feel we need permission to stop and reflect, and it is not always given."},
  {B, "office-culture", "", "The culture rewards being quick, not being thoughtful."},
  {B, "office-culture+training-coverage", "", "Colleagues who were not on the training sometimes tease those who use the new language."},
  {B, "office-culture+time-and-capacity", "", "Open-plan offices make it hard to have a sensitive phone call."},
  {D, "office-culture", "", "A team culture where saying \"let's slow down\" is seen as good practice."},
  {D, "office-culture+systems-and-processes", "", "Team meetings that start with practice, not with performance figures."},
  {L, "office-culture", "", "The office pulls people back to tasks unless someone actively holds the space."},
  {L, "office-culture+leadership", "", "Culture changes when leaders make thinking time normal."},

  // initiative-overload
  {W, "initiative-overload+leadership", "", "The leadership team has started showing how this links with trauma-informed practice and Signs of Safety, which helps."},
  {W, "initiative-overload", "", "It helps that the approach sits comfortably alongside trauma-informed practice rather than replacing it."},
  {B, "initiative-overload", "", "We have had trauma-informed practice, Signs of Safety and now this, each as a separate initiative."},
  {B, "initiative-overload", "", "There is training fatigue; people ask which model they are supposed to use this month."},
  {B, "initiative-overload+systems-and-processes", "", "Each framework comes with its own forms and its own language."},
  {B, "initiative-overload", "cs,ifd,com", "Staff are struggling to see how this fits with contextual safeguarding and Ask and Act."},
  {B, "initiative-overload", "", "New initiatives arrive before the last one has had a chance to settle."},
  {B, "initiative-overload", "", "Every few months a new toolkit arrives with its own training day."},
  {D, "initiative-overload", "", "One clear strategy that shows how the different approaches fit together."},
  {D, "initiative-overload", "", "Pausing new initiatives for a year to let this one bed in."},
  {L, "initiative-overload", "", "Practitioners experience these frameworks as a pile of separate demands, not a coherent whole."},
  {L, "initiative-overload", "", "Please join up the initiatives; from the frontline they feel fragmented."},

  // integration-with-partners
  {W, "integration-with-partners", "hd", "Health colleagues on the discharge team have started using the same questions."},
  {W, "integration-with-partners+training-coverage", "com,asc", "Joint visits with the housing officer have gone much better since we both did the training."},
  {W, "integration-with-partners", "cs,com", "School staff have noticed the change in how we talk to parents."},
  {W, "integration-with-partners", "hd", "A consultant on the ward asked us to explain the approach to the nursing staff."},
  {W, "integration-with-partners", "com,asc,cs", "The GP surgery has started referring people with a line about what matters to them."},
  {W, "integration-with-partners", "hd", "Ward staff now invite us in earlier, before a discharge date is set."},
  {W, "integration-with-partners+training-coverage", "hd,asc,com", "Doing the training alongside health colleagues helped us understand each other's pressures."},
  {B, "integration-with-partners+time-and-capacity", "hd", "The hospital wants a bed freed by Friday; the person wants to talk about going home safely."},
  {B, "integration-with-partners+risk-and-control", "cs", "Court timescales and legal advice push us back towards formal, deficit-based reports."},
  {B, "integration-with-partners+systems-and-processes", "", "Partners who have not had the training still expect old-style referrals."},
  {B, "integration-with-partners+poverty-and-context", "hou,com,cs", "Housing allocations and benefit delays undo the plans we make with families."},
  {B, "integration-with-partners", "", "Education and health are often missing from the meetings where decisions are made."},
  {B, "integration-with-partners+systems-and-processes", "", "Information sharing with health is slow, so we repeat questions people have already answered."},
  {B, "integration-with-partners+risk-and-control", "cs,ifd", "Police and health colleagues in strategy meetings still focus on incidents rather than the family's story."},
  {B, "integration-with-partners", "cs", "Schools want quick answers and find it hard when we say we are still getting to know the family."},
  {D, "integration-with-partners", "", "Joint training with health, education and housing partners."},
  {D, "integration-with-partners+personal-outcomes", "hd", "A shared language with ward staff, so discharge conversations start from what matters to the person."},
  {D, "integration-with-partners", "cs", "Legal colleagues who understand why our reports now look different."},
  {D, "integration-with-partners", "", "A named link person in housing and in health for each team."},
  {L, "integration-with-partners", "", "We cannot do this on our own; partners need to be part of it from the start."},
  {L, "integration-with-partners+time-and-capacity", "hd,asc", "Hospital discharge targets and good conversations pull in opposite directions."},

  // systems-and-processes
  {W, "systems-and-processes", "", "The new assessment form has a free text box for the person's own words, which helps."},
  {W, "systems-and-processes", "", "Business support have helped us shorten and tidy up the templates."},
  {B, "systems-and-processes", "", "The panel still wants a form filled in a particular way, whatever the conversation was like."},
  {B, "systems-and-processes", "", "The recording system is slow and makes us split one story across several forms."},
  {B, "systems-and-processes", "", "Performance measures count visits and timescales, not whether anything changed for the family."},
  {B, "systems-and-processes", "", "Recording takes longer than the visit itself."},
  {B, "systems-and-processes+time-and-capacity", "", "The system times out and we lose what we have typed."},
  {B, "systems-and-processes", "", "Referral forms force us to describe people by their problems."},
  {B, "systems-and-processes+right-support", "asc,hd,com", "Funding panels want evidence of need, so we end up writing deficit-heavy reports."},
  {B, "systems-and-processes", "", "We are recording the same information three times in three different places."},
  {B, "systems-and-processes+personal-outcomes", "", "The outcome fields in the system only allow a few words, so the person's voice gets lost."},
  {D, "systems-and-processes", "", "Forms that follow the conversation rather than structure it."},
  {D, "systems-and-processes+personal-outcomes", "", "Panels that hear from the practitioner about what matters to the person."},
  {D, "systems-and-processes", "", "Performance measures that include what families say about us."},
  {D, "systems-and-processes", "", "A simpler recording system that lets us record in any order."},
  {L, "systems-and-processes", "", "Systems designed for compliance will keep pulling practice back to compliance."},
  {L, "systems-and-processes", "", "What gets measured is what gets done, so find a way to measure the conversations."},

  // burnout-and-wellbeing
  {W, "burnout-and-wellbeing", "", "Some of us are less drained after visits because we are no longer fighting the person."},
  {W, "burnout-and-wellbeing+reflective-practice", "", "Being able to talk a visit through with a colleague means we carry less home with us."},
  {B, "burnout-and-wellbeing", "", "Many of us do not switch off at night; we lie awake thinking about families."},
  {B, "burnout-and-wellbeing", "", "The emotional labour of these conversations is real, and it is not acknowledged."},
  {B, "burnout-and-wellbeing", "", "Most of the team are women juggling caring responsibilities at home as well as at work."},
  {B, "burnout-and-wellbeing", "", "Sickness in the team means the rest of us are running on empty."},
  {B, "burnout-and-wellbeing+listening-and-reflection", "", "Hearing people's stories in more depth takes something out of us."},
  {B, "burnout-and-wellbeing", "", "Working from home makes it even harder to switch off after a difficult visit."},
  {D, "burnout-and-wellbeing", "", "Wellbeing support that recognises the emotional weight of the work."},
  {D, "burnout-and-wellbeing", "", "Flexibility for staff who are carers themselves."},
  {D, "burnout-and-wellbeing", "", "Permission to take time back after a hard day."},
  {D, "burnout-and-wellbeing+supervision", "", "Access to clinical supervision or counselling for staff dealing with trauma."},
  {L, "burnout-and-wellbeing", "", "People are exhausted, and the approach cannot rest on staff giving more and more of themselves."},
  {L, "burnout-and-wellbeing", "", "Staff wellbeing is not a perk; it is a condition for good practice."},
  {L, "burnout-and-wellbeing", "", "A workforce that is mostly women needs support that fits the realities of their lives."},

  // psychological-safety
  {W, "psychological-safety", "", "It feels safer to say in the team when a visit went badly."},
  {W, "psychological-safety+leadership", "", "Our manager thanked someone for raising a mistake, and it changed the mood of the meeting."},
  {W, "psychological-safety", "", "People shared what didn't work in the follow-up session, which would not have happened before."},
  {W, "psychological-safety+supervision", "", "Saying \"I got that wrong\" in supervision was met with curiosity rather than criticism."},
  {B, "psychological-safety", "", "There is still a blame culture when things go wrong."},
  {B, "psychological-safety", "", "People worry that trying something new will be held against them if it does not work."},
  {B, "psychological-safety+training-coverage", "", "Newly qualified staff say they are afraid to admit they don't know something."},
  {D, "psychological-safety", "", "Reviews of what went wrong that focus on learning, not on who is at fault."},
  {D, "psychological-safety", "", "A space where we can admit uncertainty without it being seen as weakness."},
  {L, "psychological-safety", "", "Staff need to feel safe to say what went wrong, or they will stop telling you."},
  {L, "psychological-safety", "", "A learning culture has to be real, not a slogan on the wall."},

  // training-coverage
  {W, "training-coverage", "", "Training the whole team together means we all use the same language."},
  {W, "training-coverage", "", "Having most of the team trained has given us a critical mass."},
  {B, "training-coverage", "", "Only half the team has been trained, so it is hard to keep it going."},
  {B, "training-coverage", "", "New starters have not had the training and pick up the old habits in the office."},
  {B, "training-coverage", "", "We could not all attend because someone had to cover duty."},
  {B, "training-coverage", "", "Business support and reception staff were not included, yet they are the first voice people hear."},
  {B, "training-coverage+time-and-capacity", "cs", "Training dates clashed with court and panel dates, so several of us missed days."},
  {B, "training-coverage", "", "People who joined in the last six months have only heard about the approach second hand."},
  {D, "training-coverage", "", "Including the approach in induction for all new recruits."},
  {D, "training-coverage", "", "Backfill, so that whole teams can attend together."},
  {D, "training-coverage", "", "Training for partners and business support staff as well as practitioners."},
  {D, "training-coverage", "", "A refresher day a year on, to pick up those who have joined since."},
  {L, "training-coverage", "", "One-off training does not change a service; it needs a critical mass and follow-through."},
  {L, "training-coverage", "", "Cover for training has to be planned, otherwise the same people always miss out."},

  // poverty-and-context
  {W, "poverty-and-context", "", "Understanding the pressures families are under has made our conversations more honest about money."},
  {W, "poverty-and-context+engagement-and-trust", "", "Being straight with people about what we can and cannot offer has helped, even when money is tight."},
  {B, "poverty-and-context", "", "Poverty is behind most of what we see, and a good conversation cannot fix a cold house."},
  {B, "poverty-and-context", "", "Demand has risen and the cases are more complex than even two years ago."},
  {B, "poverty-and-context", "", "Families are choosing between food and electricity; it is hard to talk about outcomes when that is the reality."},
  {B, "poverty-and-context", "", "Rural isolation and poor transport limit what support people can actually reach."},
  {B, "poverty-and-context", "hou,cs,com", "Rents have gone up and more families are in temporary accommodation."},
  {B, "poverty-and-context+strengths-and-resources", "", "Cuts to community groups mean there is less around people to draw on."},
  {B, "poverty-and-context+right-support", "", "More people are coming to us at crisis point, because early help has been cut."},
  {B, "poverty-and-context", "hou,cs,com", "Mould, damp and overcrowding come up in almost every conversation."},
  {D, "poverty-and-context+right-support", "", "Practical help, such as food, fuel or a grant, available at the point of the conversation."},
  {D, "poverty-and-context", "", "Welfare rights advice alongside our visits."},
  {L, "poverty-and-context", "", "The lives behind the conversations are getting harder, and our practice has to be understood in that context."},
  {L, "poverty-and-context+time-and-capacity", "", "Demand is rising faster than staffing, and the gap lands on the frontline."},
  {L, "poverty-and-context", "", "Rising demand is not a blip; it is the new normal, and planning needs to reflect that."},
};
// clang-format on

// Welsh practitioner sentences, written as practitioners in Welsh-speaking teams write them
// (not translations of the English bank line by line). Same layout as kEnglish.
// clang-format off
constexpr Line kWelsh[] = {
  // listening-and-reflection
  {W, "listening-and-reflection", "", "Rydyn ni'n defnyddio datganiadau myfyriol yn llawer amlach, ac mae teuluoedd yn sylwi ar y gwahaniaeth."},
  {W, "listening-and-reflection", "", "Arafu a gadael i'r tawelwch fod yw'r newid mwyaf i'r rhan fwyaf ohonon ni."},
  {W, "listening-and-reflection", "cs,com,asc", "Ar ymweliad cartref, dechreuodd mam-gu siarad am ei phlentyndod ei hun pan wnes i roi'r gorau i lenwi'r bylchau a dim ond gwrando."},
  {W, "listening-and-reflection", "", "Mae cwestiynau agored yn teimlo'n naturiol bellach, nid yn rhywbeth mae'n rhaid i ni gofio ei wneud."},
  {W, "listening-and-reflection", "", "Mae adleisio'r hyn mae rhywun wedi'i ddweud, yn eu geiriau nhw, wedi tawelu sawl galwad anodd ar ddyletswydd."},
  {W, "listening-and-reflection+engagement-and-trust", "", "Mae pobl yn dweud wrthon ni mai dyma'r tro cyntaf i rywun wrando go iawn arnyn nhw."},
  {B, "listening-and-reflection+time-and-capacity", "", "Mae'n anodd aros yn chwilfrydig pan fydd y ffôn yn canu a thair galwad yn aros."},
  {L, "listening-and-reflection", "", "Sgwrs dda yw'r gwaith ei hun, nid rhywbeth sy'n tynnu oddi wrth y gwaith."},
  {L, "listening-and-reflection", "", "Mae teuluoedd yn gwybod pryd rydyn ni'n gwrando go iawn a phryd rydyn ni'n casglu gwybodaeth ar gyfer ffurflen."},

  // personal-outcomes
  {W, "personal-outcomes", "!cs", "Mae canlyniadau'n cael eu hysgrifennu yng ngeiriau'r person ei hun erbyn hyn, fel \"dw i eisiau mynd â'r ci am dro i'r parc eto\"."},
  {W, "personal-outcomes", "", "Mae gofyn beth sy'n bwysig i rywun, nid dim ond beth sydd o'i le, wedi newid ein hasesiadau."},
  {W, "personal-outcomes", "", "Rydyn ni'n gliriach am y gwahaniaeth rhwng yr hyn sy'n bwysig i berson a'r hyn sy'n bwysig ar ei gyfer."},
  {W, "personal-outcomes", "cs,com", "Dywedodd un tad fod y cynllun o'r diwedd yn swnio fel ei deulu fe, nid fel rhestr o wasanaethau."},
  {W, "personal-outcomes", "asc,hd", "Dywedodd dyn ar y ward mai mynd yn ôl at ei randir oedd yn bwysig iddo fe, felly dyna lle dechreuodd y cynllun."},
  {B, "personal-outcomes+systems-and-processes", "", "Mae'r templed asesu yn dal i ofyn am anghenion yn gyntaf, felly mae'r canlyniadau'n cael eu gwasgu i'r gwaelod."},
  {D, "personal-outcomes+systems-and-processes", "", "Templed cofnodi sy'n dechrau gyda \"beth sy'n bwysig i mi\"."},

  // strengths-and-resources
  {W, "strengths-and-resources", "", "Mae llunio eco-fapiau gyda theuluoedd wedi dangos modrybedd, cymdogion a ffrindiau nad oedden ni'n gwybod amdanyn nhw."},
  {W, "strengths-and-resources", "", "Rydyn ni'n enwi cryfderau yn y cynlluniau, nid y risgiau yn unig."},
  {W, "strengths-and-resources", "cs,com", "Roedd un fam wedi'i disgrifio fel un \"nad yw'n ymgysylltu\", ond mae ganddi rwydwaith cryf yn y capel sydd bellach yn helpu gyda thaith yr ysgol."},
  {W, "strengths-and-resources", "", "Mae chwilio am yr adegau pan fydd pethau'n mynd yn dda wedi rhoi rhywbeth i bobl adeiladu arno."},
  {B, "strengths-and-resources+risk-and-control", "", "Pan fydd pryder diogelu, mae'r cryfderau'n tueddu i ddiflannu o'r cofnod."},
  {D, "strengths-and-resources+time-and-capacity", "", "Amser i fapio rhwydweithiau'n iawn ar ddechrau achos."},

  // right-support
  {W, "right-support", "asc,hd,com", "Rydyn ni wedi ailgynllunio pecynnau gofal gyda phobl, ac mewn sawl achos roedd angen llai o ofal ffurfiol nag yr oedden ni'n ei feddwl."},
  {W, "right-support", "", "Yn lle ychwanegu gwasanaeth arall, gofynnon ni beth fyddai'n helpu go iawn, ac weithiau un peth ymarferol oedd hynny."},
  {W, "right-support+strengths-and-resources", "asc,hd,com", "Mae cymydog i ddyn hŷn yn galw heibio bob bore erbyn hyn, ac mae hynny'n bwysicach iddo na'r oriau gofal ychwanegol roedden ni wedi'u cynllunio."},
  {B, "right-support+systems-and-processes", "", "Mae gwasanaethau wedi'u comisiynu mewn blociau sefydlog, felly does dim modd i'r cymorth newid yn ôl yr hyn mae'r person ei eisiau."},
  {B, "right-support+risk-and-control", "", "Y duedd o hyd yw atgyfeirio ymlaen, am ei fod yn teimlo'n fwy diogel na chynllun ysgafnach."},
  {L, "right-support", "", "Llai o gymorth, wedi'i wneud yn dda, yw'r cymorth iawn yn aml, a dylai hynny gyfrif fel llwyddiant."},

  // engagement-and-trust
  {W, "engagement-and-trust", "", "Mae teuluoedd yn ymddiried ynon ni'n gynt ac yn siarad yn agored, weithiau ar yr ymweliad cyntaf."},
  {W, "engagement-and-trust", "cs,com", "Mae cyfarfodydd yn llai amddiffynnol; mae rhieni'n gofyn cwestiynau yn lle eistedd â'u breichiau wedi'u plethu."},
  {W, "engagement-and-trust", "", "Mae tad oedd wedi gwrthod pob ymweliad am flwyddyn bellach yn anfon neges at ei weithiwr pan fydd pethau'n anodd."},
  {W, "engagement-and-trust", "cs,com,asc,hou", "Mae mam-gu a oedd wastad yn ein cadw ar stepen y drws bellach yn ein gwahodd i mewn am baned."},
  {B, "engagement-and-trust+time-and-capacity", "", "Mae ymddiriedaeth yn cymryd amser, a gall newid gweithiwr ddadwneud misoedd o waith."},
  {L, "engagement-and-trust", "", "Y berthynas sy'n gwneud newid yn bosibl, ac mae pob trosglwyddiad achos yn costio rhywbeth i deuluoedd."},

  // reflective-practice
  {W, "reflective-practice", "", "Y grŵp myfyriol misol yw'r unig le rydyn ni'n meddwl am deuluoedd yn hytrach na therfynau amser."},
  {W, "reflective-practice", "", "Mae trafod ar ôl ymweliad anodd, hyd yn oed am ddeg munud, yn gwneud gwahaniaeth mawr."},
  {W, "reflective-practice", "", "Rydyn ni wedi dechrau defnyddio'r cwestiynau myfyriol o'r hyfforddiant yng nghyfarfodydd y tîm."},
  {B, "reflective-practice+time-and-capacity", "", "Y sesiynau myfyriol yw'r peth cyntaf i'w ganslo pan fydd y tîm yn brin o staff."},
  {D, "reflective-practice+time-and-capacity", "", "Amser myfyriol wedi'i warchod bob pythefnos, na fydd yn cael ei ganslo er mwyn llenwi bylchau."},
  {D, "reflective-practice+integration-with-partners", "hd,asc", "Gofod myfyriol ar y cyd gyda chydweithwyr iechyd."},
  {L, "reflective-practice", "", "Nid amser i ffwrdd o'r gwaith yw ymarfer myfyriol; dyna sut rydyn ni'n dal i wneud y gwaith yn dda."},

  // mentoring
  {W, "mentoring", "", "Mae sesiwn galw heibio'r mentor bob dydd Iau yn boblogaidd, ac mae pobl yn dod ag achosion go iawn."},
  {W, "mentoring", "", "Mae cael mentor yn y tîm yn golygu bod rhywun i'w holi cyn ymweliad anodd."},
  {W, "mentoring", "", "Mae'r hyrwyddwyr ym mhob tîm yn cadw'r dull ar yr agenda."},
  {W, "mentoring+training-coverage", "", "Mae staff newydd yn dweud mai'r mentoriaid yw'r rheswm maen nhw wedi dal ati i ddefnyddio'r dull."},
  {B, "mentoring+time-and-capacity", "", "Does gan fentoriaid ddim amser wedi'i warchod, felly mae'r rôl yn cael ei gwasgu i amser cinio."},
  {D, "mentoring+time-and-capacity", "", "Mentor i bob tîm, gydag amser wedi'i neilltuo ar gyfer y gwaith."},
  {L, "mentoring+burnout-and-wellbeing", "", "Mae angen amser a rôl glir ar fentoriaid, neu fe fyddan nhw wedi ymlâdd cyn hir."},

  // supervision
  {W, "supervision", "", "Mae rhai goruchwylwyr bellach yn dechrau goruchwyliaeth drwy ofyn sut rydyn ni, ac wedyn beth sy'n bwysig yn yr achos."},
  {B, "supervision+systems-and-processes", "", "Rhestr achosion a gwiriad ar derfynau amser yw goruchwyliaeth gan amlaf."},
  {B, "supervision+time-and-capacity", "", "Mae goruchwyliaeth yn aml yn cael ei chanslo neu ei thorri'n fyr pan ddaw rhywbeth brys."},
  {D, "supervision+reflective-practice", "", "Goruchwyliaeth sy'n gwneud lle i fyfyrio, nid dim ond monitro tasgau."},
  {L, "supervision", "", "Mae'r ffordd rydyn ni'n cael ein goruchwylio yn siapio'r ffordd rydyn ni'n ymarfer."},

  // leadership
  {W, "leadership+training-coverage", "", "Daeth rheolwr ein tîm i'r hyfforddiant deuddydd, ac mae hynny i'w weld yn y ffordd mae hi'n cynnal cyfarfodydd tîm."},
  {W, "leadership", "", "Daeth uwch reolwr i'n diwrnod dilynol a gwrando, ac roedd hynny'n golygu llawer."},
  {B, "leadership", "", "Dydy uwch arweinwyr ddim yn weladwy, felly mae'n anodd gwybod a yw hyn yn flaenoriaeth."},
  {B, "leadership+time-and-capacity", "", "Negeseuon cymysg: rydyn ni'n cael ein hannog i gymryd amser gyda theuluoedd, ac yna'n cael ein holi pam mae ymweliadau'n hwyr."},
  {D, "leadership+training-coverage", "", "Rheolwyr ar bob lefel yn cwblhau'r hyfforddiant, nid staff rheng flaen yn unig."},
  {L, "leadership", "", "Os bydd arweinwyr yn dangos y dull yn eu hymddygiad eu hunain, bydd staff yn dilyn; os na wnân nhw, bydd yn pylu."},
  {L, "leadership+time-and-capacity", "", "Mae angen i arweinwyr warchod amser, nid dim ond cefnogi'r hyfforddiant ar bapur."},

  // worker-satisfaction
  {W, "worker-satisfaction", "!hou", "Dywedodd sawl un ohonon ni mai dyma pam daethon ni i waith cymdeithasol yn y lle cyntaf."},
  {W, "worker-satisfaction", "!hou", "Mae'n teimlo fel gwaith cymdeithasol go iawn unwaith eto."},
  {W, "worker-satisfaction", "", "Dywedodd cydweithiwr oedd yn ystyried gadael fod yr hyfforddiant wedi'i hatgoffa beth mae hi'n ei garu am y swydd."},
  {L, "worker-satisfaction", "", "Mae'r dull yn ailgysylltu staff â'u gwerthoedd, ac mae hynny'n help i gadw staff."},

  // time-and-capacity
  {W, "time-and-capacity", "", "Lle mae llwyth achosion yn is, mae'r dull yn ffynnu."},
  {B, "time-and-capacity", "", "Mae llwyth achosion o {caseload} yn ei gwneud hi bron yn amhosibl rhoi'r amser mae'r dull yn ei ofyn."},
  {B, "time-and-capacity", "", "Does dim digon o amser rhwng ymweliadau i feddwl, heb sôn am fyfyrio."},
  {B, "time-and-capacity", "", "Mae swyddi gwag yn golygu bod pawb yn cymryd achosion ychwanegol, ac mae'r gwaith dyfnach yn cael ei wthio o'r neilltu."},
  {B, "time-and-capacity", "", "Mae gwaith gweinyddol yn cymryd mwy na hanner yr wythnos."},
  {B, "time-and-capacity", "", "Mae teithio ar draws ardal wledig fawr yn bwyta'r amser y gallen ni ei dreulio gyda phobl."},
  {B, "time-and-capacity", "", "Mae'n frwydr bob dydd i gael ystafell breifat yn y swyddfa i siarad â theulu."},
  {B, "time-and-capacity+integration-with-partners", "hd", "Mae pwysau rhyddhau o'r ysbyty yn golygu mai dyddiau, weithiau oriau, sydd gennym i gytuno ar gynllun."},
  {D, "time-and-capacity", "", "Llwyth achosion sy'n adlewyrchu'r amser mae sgwrs dda yn ei gymryd."},
  {D, "time-and-capacity", "", "Cymorth gweinyddol er mwyn i ymarferwyr gael treulio eu hamser gyda phobl."},
  {D, "time-and-capacity", "", "Amserlenni realistig ar gyfer asesiadau sy'n caniatáu ail ymweliad."},
  {L, "time-and-capacity", "", "Mae ymarfer da yn cymryd amser, ac amser yw'r adnodd sydd gennym leiaf ohono."},
  {L, "time-and-capacity", "", "Fydd y dull ddim yn goroesi ar ewyllys da tra bo'r llwyth achosion yn aros fel y mae."},
  {L, "time-and-capacity+burnout-and-wellbeing", "", "Dydy'r llwyth gwaith ddim yn gynaliadwy; mae pobl yn gwneud hyn yn eu hamser eu hunain."},

  // risk-and-control
  {W, "risk-and-control", "cs,ifd", "Rydyn ni'n fwy hyderus yn dal risg gyda theuluoedd yn hytrach na neidio'n syth i gyfarfod strategaeth."},
  {B, "risk-and-control", "", "Pan fydd risg, mae popeth yn tynnu'n ôl at frys ac mae'r gwaith perthynol yn dod i ben."},
  {B, "risk-and-control+systems-and-processes", "", "Mae cofnodi amddiffynnol yn dal i deyrnasu: rydyn ni'n ysgrifennu ar gyfer yr arolygydd neu'r llys, nid ar gyfer y teulu."},
  {B, "risk-and-control+psychological-safety", "", "Mae ofn gwneud camgymeriad yn ein gwneud ni'n wyliadwrus o drio rhywbeth gwahanol."},
  {L, "risk-and-control", "", "Dydy ymarfer perthynol ddim yn feddal ar risg; dyma sut rydyn ni'n deall risg yn iawn."},

  // office-culture
  {W, "office-culture", "", "Mae mwy o ganiatâd yn ein tîm ni i ddweud \"mae angen i mi feddwl am hyn\"."},
  {B, "office-culture", "", "Cyn gynted ag rydyn ni'n ôl yn y swyddfa, mae'r cyfan yn ymwneud â thasgau ac amserlenni."},
  {B, "office-culture+reflective-practice", "", "Rydyn ni'n teimlo bod angen caniatâd arnon ni i stopio a myfyrio, a dydy hynny ddim bob amser yn cael ei roi."},
  {L, "office-culture", "", "Mae'r swyddfa'n tynnu pobl yn ôl at dasgau oni bai bod rhywun yn gwarchod y gofod yn fwriadol."},

  // initiative-overload
  {B, "initiative-overload", "", "Rydyn ni wedi cael ymarfer sy'n ystyriol o drawma, Signs of Safety a nawr hwn, pob un fel menter ar wahân."},
  {B, "initiative-overload", "", "Mae blinder hyfforddiant; mae pobl yn holi pa fodel maen nhw i fod i'w ddefnyddio'r mis yma."},
  {D, "initiative-overload", "", "Un strategaeth glir sy'n dangos sut mae'r gwahanol ddulliau'n plethu i'w gilydd."},
  {L, "initiative-overload", "", "O'r rheng flaen, mae'r mentrau'n teimlo'n dameidiog; mae angen eu cysylltu."},

  // integration-with-partners
  {W, "integration-with-partners", "hd", "Mae cydweithwyr iechyd ar y tîm rhyddhau wedi dechrau defnyddio'r un cwestiynau."},
  {W, "integration-with-partners", "cs,com", "Mae staff yr ysgol wedi sylwi ar y newid yn y ffordd rydyn ni'n siarad â rhieni."},
  {B, "integration-with-partners+time-and-capacity", "hd", "Mae'r ysbyty eisiau gwely'n rhydd erbyn dydd Gwener; mae'r person eisiau siarad am fynd adref yn ddiogel."},
  {B, "integration-with-partners+risk-and-control", "cs", "Mae amserlenni'r llys a chyngor cyfreithiol yn ein gwthio'n ôl at adroddiadau ffurfiol sy'n canolbwyntio ar ddiffygion."},
  {B, "integration-with-partners+systems-and-processes", "", "Mae partneriaid sydd heb gael yr hyfforddiant yn dal i ddisgwyl atgyfeiriadau'r hen ffordd."},
  {D, "integration-with-partners", "", "Hyfforddiant ar y cyd gyda phartneriaid iechyd, addysg a thai."},
  {L, "integration-with-partners", "", "Allwn ni ddim gwneud hyn ar ein pennau ein hunain; mae angen i bartneriaid fod yn rhan ohono o'r dechrau."},

  // systems-and-processes
  {B, "systems-and-processes", "", "Mae'r panel yn dal i fod eisiau ffurflen wedi'i llenwi mewn ffordd arbennig, beth bynnag oedd natur y sgwrs."},
  {B, "systems-and-processes", "", "Mae'r system gofnodi'n araf ac yn ein gorfodi i rannu un stori ar draws sawl ffurflen."},
  {B, "systems-and-processes", "", "Mae mesurau perfformiad yn cyfrif ymweliadau ac amserlenni, nid a newidiodd unrhyw beth i'r teulu."},
  {D, "systems-and-processes", "", "Ffurflenni sy'n dilyn y sgwrs yn hytrach na'i strwythuro."},
  {D, "systems-and-processes", "", "Mesurau perfformiad sy'n cynnwys yr hyn mae teuluoedd yn ei ddweud amdanon ni."},
  {L, "systems-and-processes", "", "Bydd systemau sydd wedi'u cynllunio ar gyfer cydymffurfio yn dal i dynnu ymarfer yn ôl at gydymffurfio."},

  // burnout-and-wellbeing
  {B, "burnout-and-wellbeing", "", "Dydy llawer ohonon ni ddim yn gallu diffodd yn y nos; rydyn ni'n gorwedd yn effro yn meddwl am deuluoedd."},
  {B, "burnout-and-wellbeing", "", "Mae llafur emosiynol y sgyrsiau hyn yn real, a does neb yn ei gydnabod."},
  {B, "burnout-and-wellbeing", "", "Menywod yw'r rhan fwyaf o'r tîm, ac mae llawer ohonon ni'n gofalu am rywun gartref hefyd."},
  {D, "burnout-and-wellbeing", "", "Cymorth llesiant sy'n cydnabod pwysau emosiynol y gwaith."},
  {L, "burnout-and-wellbeing", "", "Mae pobl wedi blino'n lân, a does dim modd i'r dull ddibynnu ar staff yn rhoi mwy a mwy ohonyn nhw eu hunain."},

  // psychological-safety
  {W, "psychological-safety", "", "Mae'n teimlo'n fwy diogel dweud yn y tîm pan aeth ymweliad yn wael."},
  {B, "psychological-safety", "", "Mae diwylliant o feio yn dal i fod pan fydd pethau'n mynd o chwith."},
  {D, "psychological-safety", "", "Adolygiadau sy'n canolbwyntio ar ddysgu, nid ar bwy sydd ar fai."},
  {L, "psychological-safety", "", "Mae angen i staff deimlo'n ddiogel i ddweud beth aeth o'i le, neu fe fyddan nhw'n stopio dweud wrthych chi."},

  // training-coverage
  {W, "training-coverage", "", "Mae hyfforddi'r tîm cyfan gyda'i gilydd yn golygu ein bod ni i gyd yn defnyddio'r un iaith."},
  {B, "training-coverage", "", "Dim ond hanner y tîm sydd wedi cael yr hyfforddiant, felly mae'n anodd cynnal y peth."},
  {B, "training-coverage", "", "Dydy staff newydd ddim wedi cael yr hyfforddiant, ac maen nhw'n codi'r hen arferion yn y swyddfa."},
  {D, "training-coverage", "", "Cynnwys y dull yn y cyfnod sefydlu ar gyfer pob aelod newydd o staff."},
  {D, "training-coverage", "", "Staff cyflenwi er mwyn i dimau cyfan gael mynd i'r hyfforddiant gyda'i gilydd."},
  {L, "training-coverage", "", "Dydy hyfforddiant untro ddim yn newid gwasanaeth; mae angen màs critigol a dilyniant."},

  // poverty-and-context
  {B, "poverty-and-context", "", "Tlodi sydd y tu ôl i'r rhan fwyaf o'r hyn rydyn ni'n ei weld, a fydd sgwrs dda ddim yn cynhesu tŷ oer."},
  {B, "poverty-and-context", "", "Mae'r galw wedi cynyddu ac mae'r achosion yn fwy cymhleth nag oedden nhw ddwy flynedd yn ôl."},
  {B, "poverty-and-context", "", "Mae teuluoedd yn gorfod dewis rhwng bwyd a thrydan."},
  {B, "poverty-and-context", "", "Mae unigrwydd gwledig a diffyg trafnidiaeth yn cyfyngu ar y cymorth y gall pobl ei gyrraedd."},
  {D, "poverty-and-context", "", "Cyngor ar hawliau lles ochr yn ochr â'n hymweliadau."},
  {L, "poverty-and-context", "", "Mae'r bywydau y tu ôl i'r sgyrsiau yn mynd yn anoddach, ac mae angen deall ein hymarfer yn y cyd-destun hwnnw."},
};
// clang-format on

struct Area {
  string_view id, code, en, cy;
};
constexpr std::array<Area, 6> kAreas = {{
    {"childrens_services", "cs", "children's services", "gwasanaethau plant"},
    {"adult_social_care", "asc", "adult social care", "gofal cymdeithasol oedolion"},
    {"housing", "hou", "housing", "tai"},
    {"hospital_discharge", "hd", "hospital discharge", "rhyddhau o'r ysbyty"},
    {"community", "com", "community services", "gwasanaethau cymunedol"},
    {"integrated_front_door", "ifd", "integrated front door", "drws ffrynt integredig"},
}};

// How often each theme comes up, per year, and the neighbouring theme a second coder most
// often reaches for instead. Mentoring and reflective practice grow in the second year as
// mentors are appointed; initiative overload and gaps in training fade as coverage grows;
// poverty and demand weigh more.
struct ThemeWeight {
  string_view id;
  double y2025, y2026;
  string_view neighbour;
};
constexpr std::array<ThemeWeight, 20> kThemes = {{
    {"listening-and-reflection", 2.6, 2.4, "engagement-and-trust"},
    {"personal-outcomes", 1.4, 1.5, "strengths-and-resources"},
    {"strengths-and-resources", 1.0, 1.1, "personal-outcomes"},
    {"right-support", 0.7, 0.9, "personal-outcomes"},
    {"engagement-and-trust", 1.6, 1.6, "listening-and-reflection"},
    {"reflective-practice", 0.7, 2.4, "supervision"},
    {"mentoring", 0.45, 1.4, "reflective-practice"},
    {"supervision", 0.6, 0.6, "reflective-practice"},
    {"leadership", 1.5, 1.3, "office-culture"},
    {"worker-satisfaction", 1.0, 1.1, "burnout-and-wellbeing"},
    {"time-and-capacity", 3.5, 3.5, "burnout-and-wellbeing"},
    {"risk-and-control", 0.6, 0.6, "psychological-safety"},
    {"office-culture", 0.45, 0.35, "leadership"},
    {"initiative-overload", 0.7, 0.12, "systems-and-processes"},
    {"integration-with-partners", 0.8, 0.8, "systems-and-processes"},
    {"systems-and-processes", 0.9, 0.85, "time-and-capacity"},
    {"burnout-and-wellbeing", 0.7, 0.9, "time-and-capacity"},
    {"psychological-safety", 0.2, 0.25, "office-culture"},
    {"training-coverage", 1.1, 0.45, "leadership"},
    {"poverty-and-context", 0.45, 0.75, "time-and-capacity"},
}};

const ThemeWeight& theme_info(string_view id) {
  for (const auto& t : kThemes)
    if (t.id == id) return t;
  return kThemes[0];  // unreachable for bank lines; the check program verifies every id
}

// Some themes belong more to some services: partners to hospital discharge, risk to
// children's services and the front door, poverty to housing and community work.
double area_factor(string_view theme, string_view area) {
  if (theme == "integration-with-partners")
    return area == "hospital_discharge" ? 2.5 : area == "housing" ? 1.5 : 1.0;
  if (theme == "risk-and-control")
    return (area == "childrens_services" || area == "integrated_front_door") ? 1.8 : 0.8;
  if (theme == "poverty-and-context")
    return area == "housing" ? 2.2 : area == "community" ? 1.6 : 1.0;
  if (theme == "systems-and-processes")
    return (area == "adult_social_care" || area == "integrated_front_door") ? 1.4 : 1.0;
  if (theme == "personal-outcomes")
    return (area == "adult_social_care" || area == "hospital_discharge") ? 1.4 : 1.0;
  if (theme == "strengths-and-resources")
    return (area == "community" || area == "childrens_services") ? 1.3 : 1.0;
  if (theme == "time-and-capacity") return area == "hospital_discharge" ? 1.3 : 1.0;
  return 1.0;
}

std::vector<string_view> split_themes(string_view s) {
  std::vector<string_view> out;
  while (true) {
    auto plus = s.find('+');
    out.push_back(s.substr(0, plus));
    if (plus == string_view::npos) break;
    s.remove_prefix(plus + 1);
  }
  return out;
}

bool area_allows(string_view filter, string_view code) {
  if (filter.empty()) return true;
  const bool exclude = filter.front() == '!';
  if (exclude) filter.remove_prefix(1);
  bool listed = false;
  while (!filter.empty()) {
    auto comma = filter.find(',');
    if (filter.substr(0, comma) == code) listed = true;
    if (comma == string_view::npos) break;
    filter.remove_prefix(comma + 1);
  }
  return exclude ? !listed : listed;
}

// Heading wordings seen in real reports; each report keeps one style throughout.
constexpr std::array<std::array<const char*, 4>, 9> kEnglishHeadings = {{
    {"What is working well?", "What gets in the way?", "What would make a difference?",
     "What do leaders need to understand?"},
    {"What's working well", "What gets in the way", "What would make a difference",
     "What leaders need to understand"},
    {"Working well", "Barriers", "What would make a difference", "What leaders need to understand"},
    {"WHAT IS WORKING WELL", "WHAT GETS IN THE WAY", "WHAT WOULD MAKE A DIFFERENCE",
     "WHAT LEADERS NEED TO UNDERSTAND"},
    {"1. What is working well", "2. What gets in the way", "3. What would make a difference",
     "4. What leaders need to understand"},
    {"## What is working well", "## What gets in the way", "## What would make a difference",
     "## What leaders need to understand"},
    {"What works well:", "What gets in the way:", "What would make a difference:",
     "What leaders need to understand:"},
    {"What's working well?", "Barriers", "What would make a difference?",
     "What we need leaders to understand"},
    {"What is working well", "What gets in the way", "What would make the difference",
     "What leaders need to understand"},
}};
constexpr int kMarkdownStyle = 5;

constexpr std::array<std::array<const char*, 4>, 3> kWelshHeadings = {{
    {"Beth sy'n gweithio'n dda", "Beth sy'n rhwystro", "Beth fyddai'n gwneud gwahaniaeth",
     "Beth mae angen i arweinwyr ei ddeall"},
    {"Beth sy'n gweithio'n dda?", "Beth sy'n ein rhwystro?", "Beth fyddai'n gwneud gwahaniaeth?",
     "Beth sydd angen i arweinwyr ei ddeall?"},
    {"## Beth sy'n gweithio'n dda", "## Beth sy'n rhwystro", "## Beth fyddai'n gwneud gwahaniaeth",
     "## Beth mae angen i arweinwyr ei ddeall"},
}};
constexpr int kWelshMarkdownStyle = 2;

constexpr std::array<const char*, 12> kMonthsEn = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
constexpr std::array<const char*, 12> kMonthsCy = {"Ionawr", "Chwefror", "Mawrth",     "Ebrill",
                                                   "Mai",    "Mehefin",  "Gorffennaf", "Awst",
                                                   "Medi",   "Hydref",   "Tachwedd",   "Rhagfyr"};

// Sakamoto's method; 0 = Sunday. Follow-up sessions happen on weekdays.
int weekday(int y, int m, int d) {
  static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

// Word-processed reports come with typographic quotes; keep some that way so the corpus
// exercises both.
std::string smarten(string_view s) {
  std::string out;
  bool open = true;
  for (char c : s) {
    if (c == '\'') {
      out += "\xE2\x80\x99";  // ’
    } else if (c == '"') {
      out += open ? "\xE2\x80\x9C" : "\xE2\x80\x9D";  // “ ”
      open = !open;
    } else {
      out += c;
    }
  }
  return out;
}

std::string replace_all(std::string s, string_view from, string_view to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

struct OrgPlan {
  const char* ons;
  const char* name;
  const char* slug;
  std::vector<int> areas;  // indexes into kAreas, cycled through
  int count[2];            // reports in 2025, 2026
  int welsh[2];            // of which written in Welsh
};

std::vector<OrgPlan> org_plans() {
  return {
      {"W06000099", "Glantawe County Borough Council", "glantawe", {0, 1, 3, 5, 2}, {9, 9}, {1, 2}},
      {"W99000001", "Cwtch Family Support", "cwtch", {0, 4}, {4, 5}, {0, 1}},
      // Fictional authorities, invented for the demo: no such councils exist, and the codes
      // W06000091, W06000093 and W06000095 are not real ONS codes.
      {"W06000091", "Dyffryn Teifi County Council", "dyffryn-teifi", {1, 0, 4, 3}, {6, 6}, {2, 3}},
      {"W06000093",
       "Aberhafren County Borough Council",
       "aberhafren",
       {0, 2, 5, 1},
       {6, 7},
       {0, 0}},
      {"W06000095", "Bro Hiraethog County Council", "bro-hiraethog", {1, 3, 4, 0}, {4, 6}, {1, 1}},
  };
}

struct Sentence {
  std::string text;
  std::vector<std::string> themes;
};

// A report before coding, with the sentences it was made of and the themes each carries.
struct Draft {
  DemoReport report;
  std::vector<Sentence> sentences;
};

class CorpusBuilder {
 public:
  CorpusBuilder()
      : rng_(0x5367777273ull), uses_en_(std::size(kEnglish)), uses_cy_(std::size(kWelsh)) {}

  std::vector<Draft> drafts() {
    std::vector<Draft> out;
    std::set<std::string> names;
    for (const OrgPlan& org : org_plans()) {
      for (int y = 0; y < 2; ++y) {
        const int year = 2025 + y;
        const int n = org.count[y];
        int welsh_left = org.welsh[y];
        const int welsh_every = welsh_left > 0 ? std::max(1, n / welsh_left) : 0;
        for (int i = 0; i < n; ++i) {
          const bool welsh = welsh_left > 0 && i % welsh_every == 1 % welsh_every;
          if (welsh) --welsh_left;
          const int area = org.areas[(i + y) % org.areas.size()];
          out.push_back(draft(org, year, i, n, area, welsh));
          // File names are distinct: add a suffix for a second group on the same day.
          std::string& name = out.back().report.file_name;
          for (int k = 2; !names.insert(name).second; ++k) {
            auto dot = name.rfind('.');
            name = name.substr(0, dot) + "-" + std::to_string(k) + name.substr(dot);
          }
        }
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Draft& a, const Draft& b) { return a.report.date < b.report.date; });
    return out;
  }

 private:
  std::string date(int year, int i, int n) {
    // Sessions spread through the year: February to November 2025, January to early
    // November 2026 (the demo is set in late 2026).
    const int first_month = year == 2025 ? 2 : 1;
    int month = first_month + (i * 10 + rng_.below(10)) / n;
    int day = rng_.between(2, 27);
    if (year == 2026 && month == 11) day = std::min(day, 12);
    const int wd = weekday(year, month, day);
    if (wd == 6) day = day > 2 ? day - 1 : day + 2;  // Saturday to Friday (or Monday)
    if (wd == 0) day += 1;                           // Sunday to Monday
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }

  Draft draft(const OrgPlan& org, int year, int i, int n, int area_index, bool welsh) {
    const Area& area = kAreas[area_index];
    Draft d;
    DemoReport& r = d.report;
    r.organisation_ons = org.ons;
    r.organisation_name = org.name;
    r.service_area = std::string(area.id);
    r.date = date(year, i, n);
    r.group_size = 6 + rng_.below(5) + rng_.below(5);
    r.language = welsh ? "cy" : "en";

    const int style = welsh ? rng_.below(static_cast<int>(kWelshHeadings.size()))
                            : rng_.below(static_cast<int>(kEnglishHeadings.size()));
    const bool markdown = welsh ? style == kWelshMarkdownStyle : style == kMarkdownStyle;
    const bool bullets = markdown || rng_.chance(0.45);
    const char* marker = markdown ? "- " : rng_.chance(0.5) ? "- " : "\xE2\x80\xA2 ";  // •
    const bool smart = rng_.chance(0.2);
    const int caseload = rng_.between(24, 32);
    static constexpr std::array<const char*, 5> kDays = {"Thursday", "Thursday", "Tuesday",
                                                         "Wednesday", "Friday"};
    const char* day = kDays[rng_.below(static_cast<int>(kDays.size()))];

    auto finish = [&](std::string s) {
      s = replace_all(std::move(s), "{caseload}", std::to_string(caseload));
      s = replace_all(std::move(s), "{day}", day);
      return smart ? smarten(s) : s;
    };

    const std::string ext = markdown ? ".md" : ".txt";
    r.file_name = welsh ? "adroddiad-dilynol-" + r.date + "-" + org.slug + ext
                        : r.date + "-" + org.slug + "-" + std::string(area.id) + ext;

    std::string text;
    if (rng_.chance(0.45)) text += finish(preamble(welsh, area, r)) + "\n\n";

    // A group talks about a handful of things, several times over: each report has its own
    // focus themes, drawn by how common they are that year in that service.
    std::set<string_view> focus;
    {
      std::vector<std::pair<string_view, double>> pool;
      for (const ThemeWeight& t : kThemes)
        pool.emplace_back(t.id, (year == 2025 ? t.y2025 : t.y2026) * area_factor(t.id, area.id));
      for (int k = 7 + rng_.below(4); k > 0 && !pool.empty(); --k) {
        double total = 0;
        for (const auto& p : pool) total += p.second;
        double x = rng_.unit() * total;
        std::size_t j = 0;
        while (j + 1 < pool.size() && x >= pool[j].second) x -= pool[j++].second;
        focus.insert(pool[j].first);
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(j));
      }
    }

    std::set<std::size_t> used;  // bank lines already in this report
    for (int part = W; part <= L; ++part) {
      const char* heading = welsh ? kWelshHeadings[style][part] : kEnglishHeadings[style][part];
      text += finish(heading) + "\n";
      if (!bullets) text += "\n";
      const int items = item_count();
      std::set<string_view> themes_here;
      for (int item = 0; item < items; ++item) {
        std::string paragraph;
        // Paragraph writers run two points together now and then; bullet lists and the
        // "what would make a difference" wish lists keep one point per line.
        const int sentences = (!bullets && part != D && rng_.chance(0.35)) ? 2 : 1;
        string_view first_theme;
        for (int s = 0; s < sentences; ++s) {
          const Line* line = pick_line(welsh, static_cast<Part>(part), area, year, focus, used,
                                       themes_here, first_theme);
          if (!line) break;
          Sentence sentence{finish(line->text), {}};
          for (string_view t : split_themes(line->themes)) sentence.themes.emplace_back(t);
          first_theme = split_themes(line->themes).front();
          if (!paragraph.empty()) paragraph += " ";
          paragraph += sentence.text;
          d.sentences.push_back(std::move(sentence));
        }
        if (paragraph.empty()) continue;
        text += bullets ? std::string(marker) + paragraph + "\n" : paragraph + "\n\n";
      }
      if (bullets && part != L) text += "\n";
    }
    while (text.size() > 1 && text.ends_with("\n\n")) text.pop_back();
    r.text = std::move(text);
    return d;
  }

  std::string preamble(bool welsh, const Area& area, const DemoReport& r) {
    const int month = std::stoi(r.date.substr(5, 2));
    const std::string year = r.date.substr(0, 4);
    const std::string n = std::to_string(r.group_size);
    const int form = rng_.below(3);
    if (welsh) {
      const std::string a(area.cy);
      if (form == 0)
        return "Sesiwn ddilynol: " + a + ", " + kMonthsCy[month - 1] + " " + year + " (" + n +
               " o ymarferwyr)";
      if (form == 1) return "Nodiadau o'r diwrnod dilynol, grŵp " + a + ". " + n + " yn bresennol.";
      return "Adroddiad dilynol – " + a + ", " + kMonthsCy[month - 1] + " " + year;
    }
    std::string a(area.en);
    if (form == 0)
      return "Follow-up session: " + a + ", " + kMonthsEn[month - 1] + " " + year + " (" + n +
             " practitioners)";
    a[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(a[0])));
    if (form == 1)
      return "Notes from the follow-up day, " + std::string(area.en) + " group. " + n + " present.";
    return a + " follow-up report, " + kMonthsEn[month - 1] + " " + year;
  }

  int item_count() {
    // 2 to 6 points under a heading, most often 3.
    static constexpr std::array<int, 20> kCounts = {2, 2, 2, 2, 3, 3, 3, 3, 3, 3,
                                                    3, 4, 4, 4, 4, 4, 5, 5, 5, 6};
    return kCounts[rng_.below(static_cast<int>(kCounts.size()))];
  }

  // Chooses a theme for the next point under this heading (mostly the report's focus
  // themes, weighted by how common each is that year in that service and by how naturally it
  // sits under the heading: the number of bank lines written for it there), then the least
  // used line for it. The second sentence of a paragraph usually carries on the first's theme.
  const Line* pick_line(bool welsh, Part part, const Area& area, int year,
                        const std::set<string_view>& focus, std::set<std::size_t>& used,
                        std::set<string_view>& themes_here, string_view continuing) {
    const Line* bank = welsh ? kWelsh : kEnglish;
    const std::size_t size = welsh ? std::size(kWelsh) : std::size(kEnglish);
    std::vector<int>& uses = welsh ? uses_cy_ : uses_en_;

    auto candidates = [&](string_view theme) {
      std::vector<std::size_t> out;
      for (std::size_t i = 0; i < size; ++i) {
        const Line& l = bank[i];
        if (l.part != part || used.count(i) || !area_allows(l.areas, area.code)) continue;
        if (split_themes(l.themes).front() == theme) out.push_back(i);
      }
      return out;
    };

    std::vector<std::pair<string_view, double>> weights;
    double total = 0;
    for (const ThemeWeight& t : kThemes) {
      const bool same = !continuing.empty() && t.id == continuing;
      if (themes_here.count(t.id) && !same) continue;
      const auto c = candidates(t.id).size();
      if (c == 0) continue;
      const double w = (year == 2025 ? t.y2025 : t.y2026) * area_factor(t.id, area.id) *
                       static_cast<double>(std::min<std::size_t>(c, 6)) *
                       (focus.count(t.id) ? 1.0 : 0.04) * (same ? 12.0 : 1.0);
      weights.emplace_back(t.id, w);
      total += w;
    }
    if (weights.empty()) return nullptr;
    double x = rng_.unit() * total;
    string_view theme = weights.back().first;
    for (const auto& [id, w] : weights) {
      if (x < w) {
        theme = id;
        break;
      }
      x -= w;
    }

    const auto c = candidates(theme);
    int least = uses[c.front()];
    for (auto i : c) least = std::min(least, uses[i]);
    std::vector<std::size_t> best;
    for (auto i : c)
      if (uses[i] == least) best.push_back(i);
    const std::size_t chosen = best[rng_.below(static_cast<int>(best.size()))];
    ++uses[chosen];
    used.insert(chosen);
    themes_here.insert(theme);
    return &bank[chosen];
  }

  Rng rng_;
  std::vector<int> uses_en_, uses_cy_;
};

std::string theme_words(string_view id) {
  std::string s(id);
  std::replace(s.begin(), s.end(), '-', ' ');
  return s;
}

std::string memo_for(Rng& rng, const DemoReport& r, string_view theme) {
  if (!rng.chance(0.12)) return "";
  if (r.language == "cy" && rng.chance(0.5)) {
    static constexpr std::array<const char*, 4> kCy = {
        "Dyfyniad da ar gyfer y tabl canfyddiadau.", "Ffiniol; trafod yn y cyfarfod codio.",
        "Angen cyfieithiad gofalus cyn dyfynnu yn Saesneg.", "Gwirio: barn y grŵp neu un person?"};
    return kCy[rng.below(static_cast<int>(kCy.size()))];
  }
  switch (rng.below(6)) {
    case 0:
      return "Good quote for the findings table.";
    case 1:
      return "Could also be " + theme_words(theme_info(theme).neighbour) + ".";
    case 2:
      return "Borderline; discuss at the coding meeting.";
    case 3:
      return "Check: the group's view or one person's?";
    case 4:
      return "Strong example; check the wording before quoting.";
    default:
      return "Useful for the \"why it matters\" column.";
  }
}

// One coder's reading of a report: which sentences, with which themes.
using Reading = std::vector<std::pair<std::size_t, std::vector<std::string>>>;

Reading first_coder(Rng& rng, const Draft& d) {
  const std::size_t n = d.sentences.size();
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  rng.shuffle(order);
  const std::size_t k =
      std::clamp<std::size_t>((n * 11 + 10) / 20, 3, std::min<std::size_t>(n, 10));
  order.resize(k);
  std::sort(order.begin(), order.end());
  Reading out;
  for (auto i : order) {
    auto themes = d.sentences[i].themes;
    // Now and then the second theme of a two-theme sentence is missed.
    if (themes.size() > 1 && rng.chance(0.06)) themes.pop_back();
    out.emplace_back(i, std::move(themes));
  }
  return out;
}

// The second coder works from the same sentences and mostly agrees, but sometimes skips a
// sentence, misses a second theme, reaches for the neighbouring theme, adds one, or codes a
// sentence the first coder left alone.
Reading second_coder(Rng& rng, const Draft& d, const Reading& first) {
  Reading out;
  std::set<std::size_t> seen;
  for (const auto& [i, first_themes] : first) {
    seen.insert(i);
    auto themes = d.sentences[i].themes;
    const double r = rng.unit();
    if (r < 0.07) continue;
    if (r < 0.15) {
      if (themes.size() > 1)
        themes.pop_back();
      else
        themes[0] = std::string(theme_info(themes[0]).neighbour);
    } else if (r < 0.21) {
      const std::string n(theme_info(themes[0]).neighbour);
      if (std::find(themes.begin(), themes.end(), n) == themes.end()) themes[0] = n;
    } else if (r < 0.26) {
      const std::string n(theme_info(themes[0]).neighbour);
      if (std::find(themes.begin(), themes.end(), n) == themes.end()) themes.push_back(n);
    }
    out.emplace_back(i, std::move(themes));
  }
  if (rng.chance(0.3) || out.size() < 3) {
    for (std::size_t i = 0; i < d.sentences.size() && (out.size() < 3 || rng.chance(0.5)); ++i) {
      const std::size_t j = (i * 7 + 3) % d.sentences.size();
      if (seen.count(j)) continue;
      seen.insert(j);
      out.emplace_back(j, d.sentences[j].themes);
      if (out.size() >= 3 && rng.chance(0.7)) break;
    }
  }
  if (out.size() > 10) out.resize(10);
  std::sort(out.begin(), out.end());
  return out;
}

void add_codings(Rng& rng, const std::string& coder, const Draft& d, const Reading& reading,
                 DemoReport& r) {
  for (const auto& [i, themes] : reading) {
    for (std::size_t t = 0; t < themes.size(); ++t) {
      std::string memo = t == 0 ? memo_for(rng, r, themes[t]) : "";
      r.codings.push_back({coder, themes[t], d.sentences[i].text, std::move(memo)});
    }
  }
}

std::vector<DemoReport> build() {
  std::vector<Draft> drafts = CorpusBuilder().drafts();
  const std::size_t n = drafts.size();

  // About half the reports coded by coder-a; about a third by coder-b, mostly the same
  // reports (so agreement can be computed) and a few of its own.
  Rng rng(0xC0DE5ull);
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  rng.shuffle(order);
  const std::size_t a_count = (n + 1) / 2;
  const std::size_t b_shared = n / 3 - 3;
  std::set<std::size_t> coded_a(order.begin(), order.begin() + a_count);
  std::set<std::size_t> coded_b(order.begin(), order.begin() + b_shared);
  coded_b.insert(order.begin() + a_count, order.begin() + a_count + 3);

  std::vector<DemoReport> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Draft& d = drafts[i];
    DemoReport r = std::move(d.report);
    Reading a;
    if (coded_a.count(i)) {
      a = first_coder(rng, d);
      add_codings(rng, "coder-a", d, a, r);
    }
    if (coded_b.count(i)) {
      const Reading base = a.empty() ? first_coder(rng, d) : a;
      add_codings(rng, "coder-b", d, second_coder(rng, d, base), r);
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

const std::vector<DemoReport>& demo_reports() {
  static const std::vector<DemoReport> reports = build();
  return reports;
}

}  // namespace sgwrs::cli
