#include <algorithm>
#include <array>
#include <string_view>

#include "domain/identity/password_policy.hpp"

namespace sgwrs {
namespace {

// The commonest passwords of eight or more characters seen in public breach corpora,
// plus local ones (place names, the product's own name). Sorted for binary search.
constexpr std::array<std::string_view, 178> kCommon = {
    "00000000",   "0123456789", "11111111",   "11223344",    "12121212",     "123123123",
    "12341234",   "12345678",   "123456789",  "1234567890",  "1234qwer",     "123qweasd",
    "147258369",  "1q2w3e4r",   "1q2w3e4r5t", "1qaz2wsx",    "22222222",     "33333333",
    "44444444",   "55555555",   "66666666",   "77777777",    "87654321",     "88888888",
    "987654321",  "99999999",   "999999999",  "a1234567",    "aa123456",     "abc12345",
    "abcd1234",   "abcdefgh",   "abertawe",   "admin123",    "adminadmin",   "administrator",
    "amanda12",   "andrew12",   "angel123",   "arsenal1",    "asdf1234",     "asdfasdf",
    "asdfghjkl",  "ashley12",   "autumn2025", "babygirl1",   "baseball",     "batman123",
    "blessed1",   "buster12",   "butterfly",  "caerdydd",    "cardiff1",     "changeme",
    "changeme1",  "charlie1",   "charlie12",  "chelsea1",    "chocolate",    "computer",
    "council1",   "council123", "cymraeg1",   "cymru123",    "cymru1234",    "cyngor123",
    "daniel12",   "default1",   "dragon12",   "dragon123",   "draig123",     "elephant1",
    "family12",   "february1",  "football",   "football1",   "football123",  "forever1",
    "freedom1",   "fuckyou1",   "george12",   "guest123",    "harley12",     "hello123",
    "helloworld", "hockey12",   "hunter12",   "iloveu12",    "iloveyou",     "iloveyou1",
    "iloveyou2",  "internet",   "january1",   "jennifer",    "jessica1",     "jessica12",
    "jesus123",   "jordan23",   "killer12",   "letmein1",    "letmein123",   "liverpool",
    "liverpool1", "lovely12",   "loveme12",   "manchester",  "master12",     "matthew1",
    "michael1",   "michelle",   "minecraft",  "monday123",   "monkey123",    "mustang1",
    "mypassword", "newport1",   "nhs12345",   "nhswales",    "p@ssw0rd",     "p@ssword",
    "pass1234",   "pass12345",  "passpass",   "passw0rd",    "password",     "password!",
    "password01", "password1",  "password12", "password123", "password1234", "password2",
    "password3",  "pokemon1",   "princess",   "q1w2e3r4",    "qazwsxedc",    "qwer1234",
    "qwerty12",   "qwerty123",  "qwertyui",   "qwertyuiop",  "ranger12",     "robert12",
    "rootroot",   "rugby123",   "secret123",  "sgwrs123",    "sgwrs1234",    "shadow12",
    "soccer12",   "socialcare", "socialwork", "spring2025",  "starwars",     "summer2024",
    "summer2025", "summer2026", "sunday123",  "sunshine",    "superman",     "swansea1",
    "test1234",   "testtest",   "thomas12",   "trustno1",    "wales123",     "walesrugby",
    "welcome1",   "welcome123", "whatever",   "winter2024",  "winter2025",   "winter2026",
    "wrexham1",   "zaq12wsx",   "zxcvbnm1",   "zxcvbnm123",
};

}  // namespace

bool is_common_password(std::string_view lowercase_password) {
  return std::binary_search(kCommon.begin(), kCommon.end(), lowercase_password);
}

}  // namespace sgwrs
