// The audit trail's pages: who did what, when and from where, newest first, for
// administrators.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

#include "domain/core/date.hpp"
#include "http/core/app.hpp"
#include "http/core/request.hpp"
#include "http/core/response.hpp"
#include "http/core/table_view.hpp"

namespace sgwrs::http {

using web::Data;

void register_audit_pages(Router& r, App& app) {
  r.add(bhttp::verb::get, "/admin/audit", [&app](Ctx& c) {
    if (!c.signed_in()) return app.require_sign_in(c);
    Id before = 0;
    if (auto q = c.query.find("before"); q != c.query.end())
      before = parse_id(q->second).value_or(0);
    constexpr int kPage = 100;
    auto list = app.svc().audit.list(*c.actor, before, kPage);
    // Only administrators read the trail; the service refuses everyone else, audited.
    if (!list) return app.error_page(c, App::status_for(list.error().code));
    std::vector<std::vector<TableCell>> rows;
    for (const auto& e : *list)
      rows.push_back({{format_utc_second(e.at), ""},
                      {e.actor_user_id ? std::to_string(*e.actor_user_id) : "—",
                       e.actor_user_id ? "/admin/users/" + std::to_string(*e.actor_user_id) : ""},
                      {e.action, ""},
                      {e.outcome, ""},
                      {e.target_type.empty() ? "—" : e.target_type + " " + e.target_id, ""},
                      {e.address, ""}});
    Data d = app.shell(c, app.t(c, "audit.title"));
    d.set("heading", app.t(c, "audit.title"));
    d.set("intro", app.t(c, "audit.intro"));
    d.set("table", table_view(app, c,
                              {"audit.when", "audit.who", "audit.action", "audit.outcome",
                               "audit.target", "audit.address"},
                              rows));
    if (static_cast<int>(list->size()) == kPage) {
      d.set("next_href", "/admin/audit?before=" + std::to_string(list->back().id));
      d.set("next_label", app.t(c, "core.common.next_page"));
    }
    return app.page(c, "list", d);
  });
}

}  // namespace sgwrs::http
