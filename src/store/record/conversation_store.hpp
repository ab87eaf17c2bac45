#pragma once
// Conversations (drafts and finished), with who was there and their words, and every
// version of each person's and family's story.
#include <optional>
#include <vector>

#include "domain/core/result.hpp"
#include "domain/record/conversation.hpp"
#include "domain/record/story.hpp"
#include "store/core/db.hpp"

namespace sgwrs::store::record {

// `client_key` (may be empty) names the first save as the browser made it, so a repeat of
// that save finds this conversation instead of making another.
Conversation insert_conversation(Conn& c, Conversation v, const std::string& client_key,
                                 std::int64_t now);
std::optional<Conversation> conversation_by_client_key(Conn& c, Id author_id,
                                                       const std::string& client_key);
std::optional<Conversation> find_conversation(Conn& c, Id id);
// Replaces the conversation's content when `v.version` is still the stored one.
Result<Conversation> update_conversation(Conn& c, const Conversation& v, std::int64_t now);
// A family's conversations: drafts first, then the newest held first.
std::vector<Conversation> conversations_of_family(Conn& c, Id family_id);
// What a family's page shows: the reader's own drafts (newest first), then the `newest`
// finished conversations, newest held first. Another writer's drafts are never read.
std::vector<Conversation> newest_conversations_of_family(Conn& c, Id family_id, Id reader_id,
                                                         std::size_t newest);

// What a list of families says of each one's conversations, counted in the store so a list
// of hundreds of families never reads their conversations.
struct ConversationTally {
  int drafts_by_reader = 0;      // the reader's own unfinished conversations
  std::string last_finished_on;  // YYYY-MM-DD of the newest finished one, empty if none
  int finished = 0;              // how many are finished
};
ConversationTally conversation_tally(Conn& c, Id family_id, Id reader_id);

// The next version of a story; stale when `after_version` is no longer the latest.
Result<StoryVersion> append_story(Conn& c, StoryVersion s, std::int64_t after_version);
std::vector<StoryVersion> story_history(Conn& c, StorySubject subject,
                                        Id subject_id);  // newest first

}  // namespace sgwrs::store::record
