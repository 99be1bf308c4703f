#include "fetch/http_client.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include "kexport/model/error.hpp"
#include "kexport/model/lazy_library.hpp"

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

namespace kexport::fetch {
namespace {

// libcurl's functions, from the library loaded when fetch first needs it (lazy_library.hpp says
// why), named without their prefix because curl.h makes some of those names macros.
struct Curl {
  LazyLibrary library{"libcurl.so.4"};
  decltype(&::curl_global_init) global_init = nullptr;
  decltype(&::curl_easy_init) easy_init = nullptr;
  decltype(&::curl_easy_setopt) easy_setopt = nullptr;
  decltype(&::curl_easy_perform) easy_perform = nullptr;
  decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&::curl_easy_strerror) easy_strerror = nullptr;
  decltype(&::curl_slist_append) slist_append = nullptr;
  decltype(&::curl_slist_free_all) slist_free_all = nullptr;
  bool initialised = false;

  Curl() {
    library.bind(global_init, "curl_global_init");
    library.bind(easy_init, "curl_easy_init");
    library.bind(easy_setopt, "curl_easy_setopt");
    library.bind(easy_perform, "curl_easy_perform");
    library.bind(easy_getinfo, "curl_easy_getinfo");
    library.bind(easy_cleanup, "curl_easy_cleanup");
    library.bind(easy_strerror, "curl_easy_strerror");
    library.bind(slist_append, "curl_slist_append");
    library.bind(slist_free_all, "curl_slist_free_all");
    // libcurl's global state, set up once for the process.
    initialised = library.ready() && global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  }
};

// The loaded library; a machine without it cannot fetch, which is said rather than retried.
const Curl& curl_library() {
  static const Curl curl;
  if (!curl.library.ready())
    throw Error(
        ExitCode::unavailable,
        fmt::format("kexport fetch needs libcurl (Debian's package libcurl4): {}", curl.library.why()));
  if (!curl.initialised) throw Error(ExitCode::unavailable, "kexport fetch: libcurl could not be set up");
  return curl;
}

struct Transfer {
  HttpResponse* response = nullptr;
  std::uint64_t cap = 0;
  bool over_cap = false;
  bool progress = false;
  int last_percent = -1;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (transfer->response->body.size() + bytes > transfer->cap) {
    transfer->over_cap = true;
    return 0;  // stops the transfer
  }
  transfer->response->body.append(data, bytes);
  return bytes;
}

// "ETag: "abc"" → the header's value, for the headers a stored copy keeps.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* response = static_cast<Transfer*>(user)->response;
  const std::size_t bytes = size * count;
  std::string line(data, bytes);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  const std::size_t colon = line.find(':');
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect): its own headers
    response->etag.clear();
    response->last_modified.clear();
    response->content_type.clear();
  }
  if (colon == std::string::npos) return bytes;
  std::string name = line.substr(0, colon);
  for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::string value = line.substr(colon + 1);
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  if (name == "etag") response->etag = value;
  if (name == "last-modified") response->last_modified = value;
  if (name == "content-type") response->content_type = value;
  return bytes;
}

int on_progress(void* user, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t) {
  auto* transfer = static_cast<Transfer*>(user);
  if (!transfer->progress || total <= 0) return 0;
  const int percent = static_cast<int>(now * 100 / total);
  if (percent == transfer->last_percent) return 0;
  transfer->last_percent = percent;
  const int filled = percent / 5;
  std::fprintf(stderr, "\r  [%-20.*s] %3d%%", filled, "####################", percent);
  if (percent == 100) std::fputc('\n', stderr);
  return 0;
}

// Whether a failed attempt may succeed if tried again.
bool temporary_failure(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

HttpResponse attempt(const Curl& lib, const std::string& url, const Validators& validators,
                     const HttpSettings& settings) {
  HttpResponse response;
  const std::unique_ptr<CURL, decltype(lib.easy_cleanup)> curl(lib.easy_init(), lib.easy_cleanup);
  if (!curl) {
    response.failure = "libcurl could not start a transfer";
    return response;
  }
  Transfer transfer{&response, settings.size_cap, false, settings.progress, -1};
  curl_slist* headers = nullptr;
  if (!validators.etag.empty())
    headers = lib.slist_append(headers, ("If-None-Match: " + validators.etag).c_str());
  if (!validators.last_modified.empty())
    headers = lib.slist_append(headers, ("If-Modified-Since: " + validators.last_modified).c_str());
  const std::unique_ptr<curl_slist, decltype(lib.slist_free_all)> header_list(headers, lib.slist_free_all);
  CURL* c = curl.get();
  char error[CURL_ERROR_SIZE] = {};
  lib.easy_setopt(c, CURLOPT_URL, url.c_str());
  lib.easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  lib.easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  lib.easy_setopt(c, CURLOPT_USERAGENT, "kexport/" KEXPORT_VERSION);
  // Redirects only to HTTPS: a file that moves to plain HTTP could be anybody's on the way.
  lib.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  lib.easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  lib.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  lib.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  lib.easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  lib.easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  lib.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, settings.connect_timeout_seconds);
  lib.easy_setopt(c, CURLOPT_TIMEOUT, settings.timeout_seconds);
  lib.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(settings.size_cap));
  lib.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  lib.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever the server compresses with
  lib.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  lib.easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
  lib.easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  lib.easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
  lib.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  lib.easy_setopt(c, CURLOPT_XFERINFODATA, &transfer);
  lib.easy_setopt(c, CURLOPT_NOPROGRESS, settings.progress ? 0L : 1L);
  const CURLcode code = lib.easy_perform(c);
  if (transfer.progress && transfer.last_percent >= 0 && transfer.last_percent < 100)
    std::fputc('\n', stderr);
  if (code != CURLE_OK) {
    response.body.clear();
    if (transfer.over_cap || code == CURLE_FILESIZE_EXCEEDED)
      response.failure = fmt::format("larger than the cap of {} MiB", settings.size_cap >> 20);
    else if (code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_TOO_MANY_REDIRECTS)
      response.failure = fmt::format("a redirect kexport does not follow (only to HTTPS): {}",
                                     error[0] != '\0' ? error : lib.easy_strerror(code));
    else if (code == CURLE_PARTIAL_FILE)
      response.failure = "the body was cut short (fewer bytes than the server announced)";
    else
      response.failure = error[0] != '\0' ? std::string(error) : std::string(lib.easy_strerror(code));
    response.temporary = temporary_failure(code);
    response.redirect_refused = code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_TOO_MANY_REDIRECTS;
    return response;
  }
  lib.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  response.temporary = response.status >= 500;
  return response;
}

}  // namespace

HttpResponse http_get(const std::string& url, const Validators& validators, const HttpSettings& settings) {
  const Curl& lib = curl_library();
  double wait = settings.retry_wait_seconds;
  HttpResponse response;
  for (int attempt_number = 0;; ++attempt_number) {
    response = attempt(lib, url, validators, settings);
    response.attempts = attempt_number + 1;
    if (!response.temporary || attempt_number >= settings.retries) return response;
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    wait *= 2;
  }
}

}  // namespace kexport::fetch
