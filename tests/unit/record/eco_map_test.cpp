// The eco-map's geometry: one person per tie in reading order clockwise from the top, each
// tie drawn in the usual notation (solid strong and thicker, dashed tenuous, zig-zag
// stressful), arrows the way support flows, and names shortened by code point, never by byte.
#include "http/record/eco_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace sgwrs::http::eco_map {
namespace {

std::size_t points_in(const std::string& points) {
  return static_cast<std::size_t>(std::count(points.begin(), points.end(), ' ')) + 1;
}

TEST(EcoMap, EachTieIsDrawnInItsNotation) {
  const auto d = draw({{"Nain", TieQuality::strong, SupportFlow::to_family},
                       {"Dad", TieQuality::stressful, SupportFlow::from_family},
                       {"School", TieQuality::tenuous, SupportFlow::both},
                       {"Chapel", TieQuality::strong, SupportFlow::none}});
  ASSERT_EQ(d.lines.size(), 4u);
  ASSERT_EQ(d.nodes.size(), 4u);
  EXPECT_EQ(points_in(d.lines[0].points), 2u);
  EXPECT_TRUE(d.lines[0].dasharray.empty());
  EXPECT_GT(d.lines[0].width, d.lines[2].width);
  EXPECT_GT(points_in(d.lines[1].points), 5u);  // zig-zag
  EXPECT_TRUE(d.lines[1].dasharray.empty());
  EXPECT_EQ(points_in(d.lines[2].points), 2u);
  EXPECT_FALSE(d.lines[2].dasharray.empty());
  EXPECT_TRUE(d.lines[0].arrow_to_family);
  EXPECT_FALSE(d.lines[0].arrow_to_person);
  EXPECT_TRUE(d.lines[1].arrow_to_person);
  EXPECT_FALSE(d.lines[1].arrow_to_family);
  EXPECT_TRUE(d.lines[2].arrow_to_family && d.lines[2].arrow_to_person);
  EXPECT_FALSE(d.lines[3].arrow_to_family || d.lines[3].arrow_to_person);
}

TEST(EcoMap, PeopleGoClockwiseFromTheTopInsideTheDrawing) {
  const auto d = draw({{"A", TieQuality::strong, SupportFlow::none},
                       {"B", TieQuality::strong, SupportFlow::none},
                       {"C", TieQuality::strong, SupportFlow::none},
                       {"D", TieQuality::strong, SupportFlow::none}});
  EXPECT_EQ(d.nodes[0].cx, d.centre_x);
  EXPECT_LT(d.nodes[0].cy, d.centre_y);  // top
  EXPECT_GT(d.nodes[1].cx, d.centre_x);  // then right
  EXPECT_GT(d.nodes[2].cy, d.centre_y);  // bottom
  EXPECT_LT(d.nodes[3].cx, d.centre_x);  // left
  for (const auto& n : d.nodes) {
    EXPECT_GE(n.cx - d.node_r, 0);
    EXPECT_LE(n.cx + d.node_r, d.width);
    EXPECT_GE(n.cy - d.node_r, 0);
    EXPECT_LE(n.cy + d.node_r, d.height);
  }
}

TEST(EcoMap, LongNamesAreShortenedByCodePoint) {
  const auto d = draw({{"Gwenllïan ap Llŷr Rhys", TieQuality::strong, SupportFlow::none},
                       {"Siôn", TieQuality::strong, SupportFlow::none}});
  EXPECT_EQ(d.nodes[0].label, "Gwenllïan …");
  EXPECT_EQ(d.nodes[1].label, "Siôn");
  EXPECT_TRUE(draw({}).lines.empty());
}

}  // namespace
}  // namespace sgwrs::http::eco_map
