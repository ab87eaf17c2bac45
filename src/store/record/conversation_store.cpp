#include "store/record/conversation_store.hpp"

#include <unordered_map>

#include "store/core/closed_set_column.hpp"
#include "store/core/versioned.hpp"

namespace sgwrs::store::record {
namespace {

constexpr const char* kConversationSelect =
    "SELECT v.id, v.family_id, v.held_on, v.place, v.language, v.others_present, v.strengths, "
    "v.worries, v.next_steps, v.led_to, v.state, v.author_id, u.display_name, v.version, "
    "v.created_at, v.updated_at, v.sensitive_reason FROM conversations v JOIN users u ON u.id = "
    "v.author_id ";

Conversation conversation_from(const Row& r) {
  Conversation v;
  v.id = r.i64(0);
  v.family_id = r.i64(1);
  v.held_on = r.text(2);
  v.place = stored_value(kConversationPlaces, r.text(3), "conversations.place");
  v.language = stored_value(kLanguages, r.text(4), "conversations.language");
  v.others_present = r.text(5);
  v.strengths = r.text(6);
  v.worries = r.text(7);
  v.next_steps = r.text(8);
  v.led_to = stored_value(kConversationOutcomes, r.text(9), "conversations.led_to");
  v.state = stored_value(kConversationStates, r.text(10), "conversations.state");
  v.author_id = r.i64(11);
  v.author_name = r.text(12);
  v.version = r.i64(13);
  v.created_at = r.i64(14);
  v.updated_at = r.i64(15);
  v.sensitive_reason = r.text(16);
  return v;
}

void read_parts(Conn& c, Conversation& v) {
  for (const auto& r : c.query("SELECT person_id FROM conversation_present WHERE conversation_id = "
                               "? ORDER BY person_id",
                               {v.id}))
    v.present.push_back(r.i64(0));
  for (const auto& r :
       c.query("SELECT text, person_id, said_by FROM conversation_quotes WHERE conversation_id = ? "
               "ORDER BY ordinal",
               {v.id}))
    v.what_matters.push_back({r.text(0), r.opt_i64(1), r.text(2)});
  for (const auto& r : c.query("SELECT person_id, said, heard, share_with FROM conversation_voices "
                               "WHERE conversation_id = ? ORDER BY person_id",
                               {v.id}))
    v.voices.push_back({r.i64(0), r.text(1),
                        stored_value(kHeardThrough, r.text(2), "conversation_voices.heard"),
                        r.text(3)});
}

void write_parts(Conn& c, const Conversation& v) {
  c.exec("DELETE FROM conversation_present WHERE conversation_id = ?", {v.id});
  c.exec("DELETE FROM conversation_quotes WHERE conversation_id = ?", {v.id});
  c.exec("DELETE FROM conversation_voices WHERE conversation_id = ?", {v.id});
  for (const auto& voice : v.voices)
    c.exec(
        "INSERT INTO conversation_voices (conversation_id, person_id, said, heard, share_with) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {v.id, voice.person_id, voice.said, std::string(kHeardThrough.id(voice.heard)),
         voice.share_with});
  for (Id p : v.present)
    c.exec(
        "INSERT INTO conversation_present (conversation_id, person_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING",
        {v.id, p});
  std::int64_t ordinal = 0;
  for (const auto& q : v.what_matters)
    c.exec(
        "INSERT INTO conversation_quotes (conversation_id, ordinal, text, person_id, said_by) "
        "VALUES (?, ?, ?, ?, ?)",
        {v.id, ordinal++, q.text, opt(q.person_id), q.said_by});
}

Params content(const Conversation& v) {
  return {v.held_on,
          std::string(kConversationPlaces.id(v.place)),
          std::string(kLanguages.id(v.language)),
          v.others_present,
          v.strengths,
          v.worries,
          v.next_steps,
          std::string(kConversationOutcomes.id(v.led_to)),
          std::string(kConversationStates.id(v.state)),
          v.sensitive_reason};
}

}  // namespace

Conversation insert_conversation(Conn& c, Conversation v, const std::string& client_key,
                                 std::int64_t now) {
  Params p = content(v);
  p.insert(p.begin(), v.family_id);
  p.push_back(v.author_id);
  p.push_back(client_key);
  p.push_back(now);
  p.push_back(now);
  v.id = c.query(
              "INSERT INTO conversations (family_id, held_on, place, language, others_present, "
              "strengths, worries, next_steps, led_to, state, sensitive_reason, author_id, "
              "client_key, version, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
              "RETURNING id",
              p)
             .at(0)
             .i64(0);
  write_parts(c, v);
  return *find_conversation(c, v.id);
}

std::optional<Conversation> conversation_by_client_key(Conn& c, Id author_id,
                                                       const std::string& client_key) {
  // "client_key <> ''" lets the planner use the partial unique index it names; without it a
  // bound key could be '' as far as SQLite knows, and every save scanned the conversations.
  const auto rows = c.query(std::string(kConversationSelect) +
                                "WHERE v.author_id = ? AND v.client_key = ? AND v.client_key <> ''",
                            {author_id, client_key});
  if (rows.empty()) return std::nullopt;
  auto v = conversation_from(rows[0]);
  read_parts(c, v);
  return v;
}

std::optional<Conversation> find_conversation(Conn& c, Id id) {
  const auto rows = c.query(std::string(kConversationSelect) + "WHERE v.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto v = conversation_from(rows[0]);
  read_parts(c, v);
  return v;
}

Result<Conversation> update_conversation(Conn& c, const Conversation& v, std::int64_t now) {
  Params p = content(v);
  p.push_back(now);
  p.push_back(v.id);
  p.push_back(v.version);
  if (c.exec("UPDATE conversations SET held_on = ?, place = ?, language = ?, "
             "others_present = ?, strengths = ?, worries = ?, next_steps = ?, led_to = ?, "
             "state = ?, sensitive_reason = ?, updated_at = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             p) != 1)
    return missing_or_stale(c, "conversations", v.id);
  write_parts(c, v);
  return *find_conversation(c, v.id);
}

namespace {

// Who was there, their words and the children's voices for all of `out` at once: three
// queries however many conversations there are. `scope` ("v.family_id = ?" or an id list)
// picks the same conversations as `out` holds.
void read_parts_of(Conn& c, std::vector<Conversation>& out, const std::string& scope,
                   const Params& params) {
  if (out.empty()) return;
  std::unordered_map<Id, Conversation*> by_id;
  for (auto& v : out) by_id[v.id] = &v;
  const auto of = [&](Id id) { return by_id.at(id); };
  for (const auto& r : c.query("SELECT p.conversation_id, p.person_id FROM conversation_present p "
                               "JOIN conversations v ON v.id = p.conversation_id WHERE " +
                                   scope + " ORDER BY p.conversation_id, p.person_id",
                               params))
    of(r.i64(0))->present.push_back(r.i64(1));
  for (const auto& r : c.query("SELECT q.conversation_id, q.text, q.person_id, q.said_by FROM "
                               "conversation_quotes q JOIN conversations v ON v.id = "
                               "q.conversation_id WHERE " +
                                   scope + " ORDER BY q.conversation_id, q.ordinal",
                               params))
    of(r.i64(0))->what_matters.push_back({r.text(1), r.opt_i64(2), r.text(3)});
  for (const auto& r : c.query("SELECT x.conversation_id, x.person_id, x.said, x.heard, "
                               "x.share_with FROM conversation_voices x JOIN conversations v ON "
                               "v.id = x.conversation_id WHERE " +
                                   scope + " ORDER BY x.conversation_id, x.person_id",
                               params))
    of(r.i64(0))->voices.push_back(
        {r.i64(1), r.text(2), stored_value(kHeardThrough, r.text(3), "conversation_voices.heard"),
         r.text(4)});
}

}  // namespace

std::vector<Conversation> conversations_of_family(Conn& c, Id family_id) {
  std::vector<Conversation> out;
  for (const auto& r : c.query(std::string(kConversationSelect) +
                                   "WHERE v.family_id = ? ORDER BY CASE v.state WHEN 'draft' "
                                   "THEN 0 ELSE 1 END, v.held_on DESC, v.id DESC",
                               {family_id}))
    out.push_back(conversation_from(r));
  read_parts_of(c, out, "v.family_id = ?", {family_id});
  return out;
}

std::vector<Conversation> newest_conversations_of_family(Conn& c, Id family_id, Id reader_id,
                                                         std::size_t newest) {
  std::vector<Conversation> out;
  for (const auto& r : c.query(std::string(kConversationSelect) +
                                   "WHERE v.family_id = ? AND v.state = 'draft' AND "
                                   "v.author_id = ? ORDER BY v.held_on DESC, v.id DESC",
                               {family_id, reader_id}))
    out.push_back(conversation_from(r));
  for (const auto& r : c.query(std::string(kConversationSelect) +
                                   "WHERE v.family_id = ? AND v.state <> 'draft' ORDER BY "
                                   "v.held_on DESC, v.id DESC LIMIT ?",
                               {family_id, static_cast<std::int64_t>(newest)}))
    out.push_back(conversation_from(r));
  if (out.empty()) return out;
  std::string ids;
  Params params;
  for (const auto& v : out) {
    ids += ids.empty() ? "?" : ", ?";
    params.push_back(v.id);
  }
  read_parts_of(c, out, "v.id IN (" + ids + ")", params);
  return out;
}

ConversationTally conversation_tally(Conn& c, Id family_id, Id reader_id) {
  const auto rows = c.query(
      "SELECT COALESCE(SUM(CASE WHEN state = 'draft' AND author_id = ? THEN 1 ELSE 0 END), 0), "
      "COALESCE(MAX(CASE WHEN state <> 'draft' THEN held_on END), ''), "
      "COALESCE(SUM(CASE WHEN state <> 'draft' THEN 1 ELSE 0 END), 0) FROM conversations "
      "WHERE family_id = ?",
      {reader_id, family_id});
  return {static_cast<int>(rows.at(0).i64(0)), rows.at(0).text(1),
          static_cast<int>(rows.at(0).i64(2))};
}

Result<StoryVersion> append_story(Conn& c, StoryVersion s, std::int64_t after_version) {
  const std::string subject(kStorySubjects.id(s.subject));
  const auto latest = c.query(
                           "SELECT COALESCE(MAX(version), 0) FROM story_versions "
                           "WHERE subject = ? AND subject_id = ?",
                           {subject, s.subject_id})
                          .at(0)
                          .i64(0);
  if (latest != after_version) return Error::of(Errc::stale, "stale");
  s.version = latest + 1;
  // The primary key turns a race between two writers of the same version into one winner.
  c.exec(
      "INSERT INTO story_versions (subject, subject_id, version, text, author_id, written_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {subject, s.subject_id, s.version, s.text, s.author_id, s.written_at});
  return s;
}

std::vector<StoryVersion> story_history(Conn& c, StorySubject subject, Id subject_id) {
  std::vector<StoryVersion> out;
  for (const auto& r :
       c.query("SELECT s.version, s.text, s.author_id, u.display_name, s.written_at "
               "FROM story_versions s JOIN users u ON u.id = s.author_id "
               "WHERE s.subject = ? AND s.subject_id = ? ORDER BY s.version DESC",
               {std::string(kStorySubjects.id(subject)), subject_id}))
    out.push_back({subject, subject_id, r.i64(0), r.text(1), r.i64(2), r.text(3), r.i64(4)});
  return out;
}

}  // namespace sgwrs::store::record
