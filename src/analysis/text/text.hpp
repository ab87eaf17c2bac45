#pragma once
// The text pipeline in one include: language, segmentation, tokens and keys, the codebook
// and suggestions.
#include "analysis/text/codebook.hpp"
#include "analysis/text/language.hpp"
#include "analysis/text/segment.hpp"
#include "analysis/text/suggester.hpp"
#include "analysis/text/tokenise.hpp"
#include "analysis/text/welsh_mutation.hpp"
