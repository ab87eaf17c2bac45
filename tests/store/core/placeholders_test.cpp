// `?` placeholders become $1, $2, … for PostgreSQL, except inside quoted string literals.
#include <gtest/gtest.h>

#include "store/core/postgres_db.hpp"

namespace sgwrs::store {
namespace {

TEST(PostgresPlaceholders, NumbersEachPlaceholderInOrder) {
  EXPECT_EQ(to_postgres_placeholders("SELECT 1"), "SELECT 1");
  EXPECT_EQ(to_postgres_placeholders(""), "");
  EXPECT_EQ(to_postgres_placeholders("SELECT * FROM t WHERE a = ? AND b = ?"),
            "SELECT * FROM t WHERE a = $1 AND b = $2");
  EXPECT_EQ(to_postgres_placeholders("INSERT INTO t VALUES (?,?,?)"),
            "INSERT INTO t VALUES ($1,$2,$3)");
  std::string many = "SELECT ?";
  for (int i = 0; i < 10; ++i) many += ", ?";
  EXPECT_EQ(to_postgres_placeholders(many), "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11");
}

TEST(PostgresPlaceholders, LeavesQuestionMarksInStringLiteralsAlone) {
  EXPECT_EQ(to_postgres_placeholders("SELECT '?'"), "SELECT '?'");
  EXPECT_EQ(to_postgres_placeholders("SELECT 'why?', ?"), "SELECT 'why?', $1");
  EXPECT_EQ(to_postgres_placeholders("SELECT ?, 'a ? b', ?"), "SELECT $1, 'a ? b', $2");
  EXPECT_EQ(to_postgres_placeholders("WHERE note = '?\?' OR x = ?"),
            "WHERE note = '?\?' OR x = $1");
}

TEST(PostgresPlaceholders, HandlesDoubledQuotesInsideLiterals) {
  // '' is an escaped quote: the literal goes on, and so does the protection of its `?`.
  EXPECT_EQ(to_postgres_placeholders("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', $1");
  EXPECT_EQ(to_postgres_placeholders("SELECT '', ?"), "SELECT '', $1");
  EXPECT_EQ(to_postgres_placeholders("SELECT '''?''', ?"), "SELECT '''?''', $1");
}

}  // namespace
}  // namespace sgwrs::store
