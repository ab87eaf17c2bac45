// Migration 6: one list of service kinds. Follow-up reports stored their service area in the
// old kebab-case spelling ("community-services"); they now hold the service kind id that
// organisation services use ("community"). Findings keep their quotes as JSON text and are
// read through the same mapping (domain/organisation/roles.hpp, read_service_kind).
#include "store/core/migrations.hpp"

namespace sgwrs::store {

std::string_view migration_006(Engine) {
  return "UPDATE followup_reports SET service_area = CASE service_area "
         "WHEN 'childrens-services' THEN 'childrens_services' "
         "WHEN 'adult-social-care' THEN 'adult_social_care' "
         "WHEN 'hospital-discharge' THEN 'hospital_discharge' "
         "WHEN 'community-services' THEN 'community' "
         "WHEN 'integrated-front-door' THEN 'integrated_front_door' END "
         "WHERE service_area IN ('childrens-services', 'adult-social-care', "
         "'hospital-discharge', 'community-services', 'integrated-front-door');\n";
}

}  // namespace sgwrs::store
