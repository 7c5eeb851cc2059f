// The JSON-validation part of the benchmark's floor: how fast simdjson (a SIMD JSON parser, the
// fastest validating parser there is) parses the episodes' JSON Lines on this machine.
// Built by tools/lib/json-floor.ts with g++ against simdjson's amalgamated sources.
//   json-floor FILE EPISODES ITERATIONS  -> one line: "<median ms per episode> <documents> <implementation>"
#include "simdjson.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char **argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: json-floor FILE EPISODES ITERATIONS\n");
    return 2;
  }
  simdjson::padded_string json;
  if (simdjson::padded_string::load(argv[1]).get(json)) {
    std::fprintf(stderr, "json-floor: cannot read %s\n", argv[1]);
    return 2;
  }
  const int episodes = std::atoi(argv[2]);
  const int iterations = std::atoi(argv[3]);
  simdjson::dom::parser parser;
  std::vector<double> ms;
  size_t docs = 0;
  for (int it = 0; it < iterations; it++) {
    const auto t0 = std::chrono::steady_clock::now();
    simdjson::dom::document_stream stream;
    if (parser.parse_many(json, 1 << 20).get(stream)) {
      std::fprintf(stderr, "json-floor: simdjson refused the input\n");
      return 1;
    }
    docs = 0;
    for (auto doc : stream) {
      if (doc.error()) {
        std::fprintf(stderr, "json-floor: simdjson refused document %zu: %s\n", docs + 1, simdjson::error_message(doc.error()));
        return 1;
      }
      docs++;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%.4f %zu %s\n", ms[ms.size() / 2] / episodes, docs, simdjson::active_implementation->name().c_str());
  return 0;
}
