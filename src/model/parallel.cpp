#include "kexport/model/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace kexport {
namespace {
std::atomic<std::uint64_t> started{0};
}  // namespace

unsigned thread_count(unsigned requested) {
  return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

void for_each_parallel(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& each) {
  std::atomic<std::size_t> next{0};
  run_parallel(std::min<std::size_t>(thread_count(threads), n), [&](std::size_t) {
    for (std::size_t i = next++; i < n; i = next++) each(i);
  });
}

void run_parallel(std::size_t n, const std::function<void(std::size_t)>& task) {
  std::vector<std::exception_ptr> failures(n);
  const auto guarded = [&](std::size_t i) {
    try {
      task(i);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(n > 0 ? n - 1 : 0);
  for (std::size_t i = 1; i < n; ++i) threads.emplace_back(guarded, i);
  started += threads.size();
  if (n > 0) guarded(0);
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
}

std::thread start_thread(std::function<void()> work) {
  std::thread thread(std::move(work));
  ++started;
  return thread;
}

std::uint64_t threads_started() {
  return started.load();
}

}  // namespace kexport
