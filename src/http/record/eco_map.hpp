#pragma once
// The eco-map's geometry, drawn on the server: the family in the middle, each important
// person on a ring around it in the order they were added (clockwise from the top, which is
// also the order the description and the table read in), joined by a line in the usual
// notation — solid for a strong tie, dashed for a tenuous one, zig-zag for a stressful one —
// with arrows for the way support flows. Pure computation; the template draws it.
#include <string>
#include <vector>

#include "domain/record/network.hpp"

namespace sgwrs::http::eco_map {

struct Tie {
  std::string name;
  TieQuality tie = TieQuality::strong;
  SupportFlow flow = SupportFlow::to_family;
};

struct Line {
  std::string points;     // "x,y x,y …", from the person to the family
  std::string dasharray;  // empty for a solid line
  int width = 2;
  bool arrow_to_family = false;  // support flows to the family
  bool arrow_to_person = false;  // support flows from the family
};

struct Node {
  int cx = 0, cy = 0;
  std::string label;  // the name, shortened to fit the circle
};

struct Drawing {
  int width = 0, height = 0;
  int centre_x = 0, centre_y = 0, centre_r = 0;
  int node_r = 0;
  std::vector<Line> lines;
  std::vector<Node> nodes;
};

Drawing draw(const std::vector<Tie>& ties);

}  // namespace sgwrs::http::eco_map
