#pragma once
// One story: the evolving narrative ("pen picture") of a person or a family, written by
// everyone who works with them. Every save is a new version; none is ever changed, so the
// history shows who wrote what and when, and any two versions can be compared word by word.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/core/closed_set.hpp"
#include "domain/organisation/organisation.hpp"

namespace sgwrs {

enum class StorySubject { person, family };
inline constexpr auto kStorySubjects = closed_set(std::pair{StorySubject::person, "person"},
                                                  std::pair{StorySubject::family, "family"});

struct StoryVersion {
  StorySubject subject = StorySubject::family;
  Id subject_id = 0;
  std::int64_t version = 0;  // 1, 2, 3… per subject; 0 means no story yet
  std::string text;
  Id author_id = 0;
  std::string author_name;  // filled when read
  std::int64_t written_at = 0;
};

// A word-level comparison of two texts: runs of words kept, added or taken out, whitespace
// kept with the word before it so the runs join back into either text exactly.
enum class DiffRun { kept, inserted, deleted };
struct DiffPiece {
  DiffRun run = DiffRun::kept;
  std::string text;
};
std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after);

}  // namespace sgwrs
