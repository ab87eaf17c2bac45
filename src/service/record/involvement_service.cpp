#include "service/record/involvement_service.hpp"

#include "service/record/family_links.hpp"
#include "service/record/record_checks.hpp"
#include "store/core/db.hpp"
#include "store/record/family_store.hpp"

namespace sgwrs {
namespace {

namespace rec = store::record;
using namespace record_checks;

// The day a new status or a closing may start: not before the period's last dated status.
std::string last_day(const Involvement& v) {
  return v.history.empty() ? v.opened_on : v.history.back().from;
}

// A change the period's state does not allow (closed, or already open): a conflict, named
// on the field the person would change.
Error conflict_on(const char* field, const char* key) {
  Validator v;
  v.fail(field, key);
  auto e = v.status().error();
  e.code = Errc::conflict;
  e.key = key;
  return e;
}

}  // namespace

Result<std::vector<Involvement>> InvolvementService::of_family(const Actor& a, Id family_id) {
  return gate_.view<std::vector<Involvement>>(
      a, [&](store::Conn& c, Refusal& refused) -> Result<std::vector<Involvement>> {
        const auto access = gate_.to_family(c, a, family_id);
        if (access == RecordAccess::none) return refused.of("family", family_id);
        gate_.record(
            c, RecordGate::entry(a, "involvement.list", "family", family_id, family_id, access));
        return rec::involvements_of_family(c, family_id);
      });
}

Result<Involvement> InvolvementService::get(const Actor& a, Id involvement_id) {
  return gate_.view<Involvement>(a, [&](store::Conn& c, Refusal& refused) -> Result<Involvement> {
    auto stored = rec::find_involvement(c, involvement_id);
    const auto access = stored ? gate_.to_family(c, a, stored->family_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of("involvement", involvement_id);
    gate_.record(c, RecordGate::entry(a, "involvement.view", "involvement", involvement_id,
                                      stored->family_id, access));
    return std::move(*stored);
  });
}

Result<Involvement> InvolvementService::change_status(const Actor& a, StatusMove m) {
  const auto now = gate_.now();
  Validator v;
  check_day(v, "from", m.from, false, false, now);
  v.text("note", m.note, 0, kNotes);
  return gate_.run<Involvement>(a, [&](store::Conn& c, Refusal& refused) -> Result<Involvement> {
    const auto stored = rec::find_involvement(c, m.involvement_id);
    const auto access = stored ? gate_.to_family(c, a, stored->family_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of("involvement", m.involvement_id);
    if (!stored->open()) return conflict_on("involvement_id", "involvement_closed");
    if (!m.from.empty() && m.from < last_day(*stored)) v.fail("from", "before_last_status");
    if (!v.ok()) return v.status().error();
    auto touched = rec::touch_involvement(c, m.involvement_id, m.version);
    if (!touched) return touched;
    rec::add_status(c, m.involvement_id, {m.status, m.from, a.user.id, m.note}, now);
    gate_.record(
        c, RecordGate::entry(
               a, "involvement.status", "involvement", m.involvement_id, stored->family_id, access,
               {{"status", std::string(kInvolvementStatuses.id(
                               stored->history.empty() ? InvolvementStatus::none
                                                       : stored->history.back().status)) +
                               " → " + std::string(kInvolvementStatuses.id(m.status))},
                {"from", m.from}}));
    return *rec::find_involvement(c, m.involvement_id);
  });
}

Result<Involvement> InvolvementService::close(const Actor& a, Closing cl) {
  const auto now = gate_.now();
  Validator v;
  check_day(v, "on", cl.on, false, false, now);
  v.text("note", cl.note, 0, kNotes);
  return gate_.run<Involvement>(a, [&](store::Conn& c, Refusal& refused) -> Result<Involvement> {
    const auto stored = rec::find_involvement(c, cl.involvement_id);
    const auto access = stored ? gate_.to_family(c, a, stored->family_id) : RecordAccess::none;
    if (access == RecordAccess::none) return refused.of("involvement", cl.involvement_id);
    if (!stored->open()) return conflict_on("involvement_id", "involvement_closed");
    if (!cl.on.empty() && cl.on < last_day(*stored)) v.fail("on", "before_last_status");
    if (!v.ok()) return v.status().error();
    auto closed = rec::set_closed_on(c, cl.involvement_id, cl.version, cl.on);
    if (!closed) return closed;
    // The history says when the work ended and why, like every other status.
    rec::add_status(c, cl.involvement_id, {InvolvementStatus::none, cl.on, a.user.id, cl.note},
                    now);
    gate_.record(c, RecordGate::entry(a, "involvement.close", "involvement", cl.involvement_id,
                                      stored->family_id, access, {{"on", cl.on}}));
    return *rec::find_involvement(c, cl.involvement_id);
  });
}

Result<Involvement> InvolvementService::reopen(const Actor& a, Reopening r) {
  const auto now = gate_.now();
  Validator v;
  check_day(v, "opened_on", r.opened_on, false, false, now);
  return gate_.run<Involvement>(a, [&](store::Conn& c, Refusal& refused) -> Result<Involvement> {
    const auto access = gate_.to_family(c, a, r.family_id);
    if (access == RecordAccess::none) return refused.of("family", r.family_id);
    const auto periods = rec::involvements_of_family(c, r.family_id);
    for (const auto& p : periods) {
      if (p.open()) return conflict_on("opened_on", "involvement_open");
      if (!r.opened_on.empty() && r.opened_on < p.closed_on) v.fail("opened_on", "before_closed");
    }
    const auto lead = family_links::lead_worker(c, a, r.lead_worker_id.value_or(a.user.id));
    if (!lead) v.fail("lead_worker_id", "lead_worker_unknown");
    if (!v.ok()) return v.status().error();
    const auto inv =
        family_links::open_involvement(c, a, r.family_id, *lead, r.opened_on, r.status, now);
    gate_.record(
        c, RecordGate::entry(a, "involvement.reopen", "involvement", inv.id, r.family_id, access,
                             {{"lead_worker_id", std::to_string(lead->id)},
                              {"status", std::string(kInvolvementStatuses.id(r.status))}}));
    return *rec::find_involvement(c, inv.id);
  });
}

}  // namespace sgwrs
