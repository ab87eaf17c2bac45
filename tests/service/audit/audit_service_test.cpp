// The audit trail under a flood of anonymous refusals (issue 7, defect 6): 2,000 signed-out
// POSTs without a CSRF token wrote 2,000 lines. Real attempts are still written; repeats are
// counted.
#include <gtest/gtest.h>

#include "service/core/service_fixture.hpp"

namespace sgwrs::test {
namespace {

class AuditServiceTest : public ServiceTest {
 protected:
  AuditService::Entry refusal(const std::string& address) {
    return {std::nullopt, "csrf.refuse", "refused", "", "", {{"route", "/sign-in"}}, address};
  }
  std::vector<AuditEvent> rows_of(const std::string& action) {
    std::vector<AuditEvent> out;
    for (auto& e : audit_rows(100000))
      if (e.action == action) out.push_back(e);
    return out;
  }
  static std::string detail_value(const AuditEvent& e, const std::string& key) {
    const auto at = e.detail.find("\"" + key + "\":\"");
    if (at == std::string::npos) return {};
    const auto from = at + key.size() + 4;
    return e.detail.substr(from, e.detail.find('"', from) - from);
  }
};

TEST_P(AuditServiceTest, RepeatsFromOneAddressInAMinuteBecomeOneCountedLine) {
  now_ = 1'700'000'080;  // 40 s into a minute
  for (int i = 0; i < 2000; ++i) audit_->record_anonymous(refusal("203.0.113.9"));
  auto rows = rows_of("csrf.refuse");
  ASSERT_EQ(rows.size(), 1u) << "the first refusal is written at once, the rest counted";
  EXPECT_EQ(rows[0].outcome, "refused");
  EXPECT_EQ(rows[0].address, "203.0.113.9");

  // The next minute's first refusal writes the count of the last one, then itself.
  advance(20);
  audit_->record_anonymous(refusal("203.0.113.9"));
  rows = rows_of("csrf.refuse");
  ASSERT_EQ(rows.size(), 3u);
  // Newest first: this minute's refusal, then the count for the minute before.
  EXPECT_EQ(rows[0].outcome, "refused");
  EXPECT_EQ(rows[1].outcome, "aggregated");
  EXPECT_EQ(detail_value(rows[1], "count"), "1999");
  EXPECT_EQ(detail_value(rows[1], "of_outcome"), "refused");
  EXPECT_EQ(rows[1].address, "203.0.113.9");
}

TEST_P(AuditServiceTest, ManyAddressesInAMinuteWriteABoundedNumberOfLines) {
  for (int i = 0; i < 500; ++i)
    audit_->record_anonymous(
        refusal("198.51.100." + std::to_string(i % 250) + "-" + std::to_string(i)));
  audit_->flush_anonymous();
  auto rows = rows_of("csrf.refuse");
  const auto limit = static_cast<std::size_t>(AuditService::kAnonymousLinesPerMinute);
  ASSERT_EQ(rows.size(), limit + 1) << "one line per address up to the limit, then one count";
  EXPECT_EQ(rows[0].outcome, "aggregated");
  EXPECT_EQ(rows[0].address, "*");
  EXPECT_EQ(detail_value(rows[0], "count"), std::to_string(500 - limit));
}

TEST_P(AuditServiceTest, ShutdownWritesTheCountsStillHeld) {
  for (int i = 0; i < 5; ++i) audit_->record_anonymous(refusal("192.0.2.77"));
  EXPECT_EQ(rows_of("csrf.refuse").size(), 1u);
  audit_->flush_anonymous();
  auto rows = rows_of("csrf.refuse");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(detail_value(rows[0], "count"), "4");
  audit_->flush_anonymous();  // nothing held twice
  EXPECT_EQ(rows_of("csrf.refuse").size(), 2u);
}

TEST_P(AuditServiceTest, UnknownTokensFromOneAddressAreCountedNotWrittenEachTime) {
  for (int i = 0; i < 300; ++i)
    EXPECT_FALSE(auth_->authenticate_token("sgwrs_guess" + std::to_string(i), kAddress).ok());
  EXPECT_EQ(rows_of("token.authenticate").size(), 1u);
}

TEST_P(AuditServiceTest, ThrottledSignInsAreCountedButRealAttemptsAreAllWritten) {
  for (int i = 0; i < 5; ++i)
    EXPECT_FALSE(auth_->sign_in("sam.jones@example.org", "wrong-" + std::to_string(i), kAddress));
  for (int i = 0; i < 200; ++i)
    EXPECT_FALSE(auth_->sign_in("sam.jones@example.org", "wrong", kAddress));
  int failed = 0, throttled = 0;
  for (const auto& e : rows_of("session.start")) {
    failed += e.outcome == "failed";
    throttled += e.outcome == "throttled";
  }
  EXPECT_EQ(failed, 5) << "each real attempt before the pause is written";
  EXPECT_EQ(throttled, 1) << "attempts during the pause are counted";
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditServiceTest, kBothEngines, EngineName());

}  // namespace
}  // namespace sgwrs::test
