// Deterministic mutation tests for the parameter and error-cause parsers:
// starting from well-formed lists, flip bytes, rewrite length fields and cut
// the input. Whatever the parsers accept must serialize and parse back to the
// same values (nothing is half-parsed), and nothing may read out of bounds
// (run under ASan to check the latter).
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "packet/error_cause.h"
#include "packet/parameter.h"
#include "param_cause_test_util.h"

namespace sctp {
namespace {

using testing::Bytes;
using testing::concat;
using testing::tlv;
using testing::written_by;

// One of each parameter type (wire bytes), some with padding, some without.
Bytes parameter_seed() {
  return concat({
      tlv(1, {'h', 'b'}),
      {0, 0},
      tlv(5, {192, 0, 2, 1}),
      tlv(6, Bytes(16, 0x20)),
      tlv(7, {1, 2, 3, 4, 5, 6, 7, 8}),
      tlv(8, {0x80, 0x0A, 0x00, 0x05, 0x01, 0, 0, 0}),
      tlv(9, {0, 0, 0x27, 0x10}),
      tlv(11, {'a', '.', 'b', 0}),
      tlv(12, {0, 5, 0, 6}),
      tlv(13, {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 4, 0, 5}),
      tlv(14, {0, 0, 0, 9, 0, 7, 0, 8}),
      tlv(15, {0, 0, 0, 42}),
      tlv(16, {0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 2, 0}),
      tlv(17, {0, 0, 0, 5, 0, 16, 0, 0}),
      tlv(18, {0, 0, 0, 6, 0, 1, 0, 0}),
      tlv(0x8000, {}),
      tlv(0x8001, {0, 0, 0, 1}),
      tlv(0x8002, Bytes(32, 0x5A)),
      tlv(0x8003, {0x80, 0xC1, 0x82, 0xC0}),
      tlv(0x8004, {0, 3, 0, 1}),
      tlv(0x8005, {0, 0, 0, 0}),
      tlv(0x8008, {0x82, 0xC0, 0x40, 0xC2}),
      tlv(0xC000, {}),
      tlv(0xC001, {0, 0, 0, 1, 0, 5, 0, 8, 192, 0, 2, 2}),
      tlv(0xC002, concat({{0, 0, 0, 2, 0, 6, 0, 20}, Bytes(16, 1)})),
      tlv(0xC003, {0, 0, 0, 3, 0, 4, 0, 4, 1, 5, 0, 6, 0, 2, 0, 0}),
      tlv(0xC004, {0, 0, 0, 5, 0, 5, 0, 8, 10, 0, 0, 1}),
      tlv(0xC005, {0, 0, 0, 6}),
      tlv(0xC006, {1, 2, 3, 4}),
      tlv(0x8123, {1, 2, 3}),
  });
}

// One of each cause (wire bytes).
Bytes cause_seed() {
  const Bytes ipv4 = {0, 5, 0, 8, 192, 0, 2, 3};
  const Bytes delete_ip = concat({{0xC0, 0x02, 0x00, 0x10, 0, 0, 0, 2}, ipv4});
  return concat({
      tlv(1, {0, 7, 0, 0}),
      tlv(2, {0, 0, 0, 2, 0, 7, 0, 9}),
      tlv(3, {0, 0, 5, 0xDC}),
      tlv(4, {}),
      tlv(5, ipv4),
      tlv(6, {0x4F, 0, 0, 4}),
      tlv(7, {}),
      tlv(8, {0x80, 0x0A, 0x00, 0x04}),
      tlv(9, {0, 0, 0x30, 0x39}),
      tlv(10, {}),
      tlv(11, ipv4),
      tlv(12, {'b', 'y', 'e', 0}),
      tlv(13, {'b', 'a', 'd', '!'}),
      tlv(0xA0, delete_ip),
      tlv(0xA1, delete_ip),
      tlv(0xA2, ipv4),
      tlv(0xA3, {}),
      tlv(0xA4, delete_ip),
      tlv(0x0105, {0, 2}),
      {0, 0},
      tlv(0x4242, {9, 9, 9, 9}),
  });
}

Bytes mutate(Bytes bytes, std::mt19937& rng) {
  std::uniform_int_distribution<int> kind(0, 4);
  auto index = [&] { return std::uniform_int_distribution<size_t>(0, bytes.size() - 1)(rng); };
  const int mutations = 1 + int(rng() % 3);
  for (int m = 0; m < mutations && !bytes.empty(); ++m) {
    switch (kind(rng)) {
      case 0:  // random byte
        bytes[index()] = uint8_t(rng());
        break;
      case 1:  // small change to a byte (lengths often become off by a few)
        bytes[index()] += uint8_t(1 + rng() % 7);
        break;
      case 2:  // cut the input
        bytes.resize(index());
        break;
      case 3:  // drop a byte in the middle
        bytes.erase(bytes.begin() + std::ptrdiff_t(index()));
        break;
      default:  // insert a byte
        bytes.insert(bytes.begin() + std::ptrdiff_t(index()), uint8_t(rng()));
        break;
    }
  }
  return bytes;
}

TEST(ParameterRobustness, SeedsParse) {
  auto params = parse_parameters(parameter_seed());
  ASSERT_TRUE(params) << to_string(params.error());
  EXPECT_EQ(params->size(), 29u);
  auto causes = parse_error_causes(cause_seed());
  ASSERT_TRUE(causes) << to_string(causes.error());
  EXPECT_EQ(causes->size(), 20u);
}

TEST(ParameterRobustness, MutatedParameterListsParseConsistentlyOrFail) {
  std::mt19937 rng(0x5C7B);
  const Bytes seed = parameter_seed();
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    const Bytes input = mutate(seed, rng);
    auto params = parse_parameters(input);
    if (!params) continue;
    ++accepted;
    const Bytes out = written_by([&params](ByteWriter& w) { serialize_parameters(*params, w); });
    ASSERT_EQ(out.size(), parameters_size(*params));
    auto again = parse_parameters(out);
    ASSERT_TRUE(again) << to_string(again.error());
    ASSERT_EQ(*again, *params);
  }
  // Mutations hitting opaque bytes leave the list valid; make sure the
  // consistency check above actually ran.
  EXPECT_GT(accepted, 100);
}

TEST(ErrorCauseRobustness, MutatedCauseListsParseConsistentlyOrFail) {
  std::mt19937 rng(0xCA05E);
  const Bytes seed = cause_seed();
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    const Bytes input = mutate(seed, rng);
    auto causes = parse_error_causes(input);
    if (!causes) continue;
    ++accepted;
    const Bytes out = written_by([&causes](ByteWriter& w) { serialize_error_causes(*causes, w); });
    ASSERT_EQ(out.size(), error_causes_size(*causes));
    auto again = parse_error_causes(out);
    ASSERT_TRUE(again) << to_string(again.error());
    ASSERT_EQ(*again, *causes);
    for (const ErrorCause& c : *causes)
      EXPECT_FALSE(describe(c).empty());
  }
  EXPECT_GT(accepted, 100);
}

}  // namespace
}  // namespace sctp
