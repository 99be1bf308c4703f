// HTTP GET through libcurl, as a scheduled job needs it: certificates verified, redirects followed
// only to HTTPS, timeouts, retries with exponential backoff on what may pass (timeouts, resets,
// 5xx; never a 4xx), a size cap, the proxy environment honoured, and a conditional request that
// costs one 304 when the file has not changed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace kexport::fetch {

struct HttpSettings {
  long connect_timeout_seconds = 15;
  long timeout_seconds = 180;     // the whole transfer
  int retries = 3;                // after the first attempt
  double retry_wait_seconds = 2;  // before the first retry; doubled before each next one
  std::uint64_t size_cap = 64ULL << 20;
  bool progress = false;  // a progress bar on standard error
};

// What a stored copy says of itself, for a conditional request.
struct Validators {
  std::string etag;
  std::string last_modified;
};

struct HttpResponse {
  long status = 0;  // 0 when no response came (see `failure`)
  std::string body;
  std::string etag, last_modified, content_type;
  std::string failure;            // what went wrong when no whole response came, for people
  bool temporary = false;         // a failure worth another try later (timeouts, resets, 5xx)
  bool redirect_refused = false;  // a redirect to a scheme other than HTTPS, not followed
  int attempts = 0;
};

// GET `url`. Never throws for what the network or the server does: the response says it.
HttpResponse http_get(const std::string& url, const Validators& validators, const HttpSettings& settings);

}  // namespace kexport::fetch
