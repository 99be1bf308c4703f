// The one way kexport works on all cores: a number of threads the user may cap (--threads), and
// tasks run at once on that many.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <thread>

namespace kexport {

// The threads work may use: `requested` (--threads), or one per core when it is 0.
unsigned thread_count(unsigned requested);

// Runs task(0) … task(n-1) at once, each on a thread of its own but the first, which runs on the
// calling thread, and waits for them all. The first exception a task throws is rethrown here.
void run_parallel(std::size_t n, const std::function<void(std::size_t)>& task);

// Runs each(0) … each(n-1) on up to `threads` threads (thread_count's rule: 0 is one per core),
// each thread taking the next index as it finishes one: for many tasks of uneven size.
void for_each_parallel(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& each);

// Starts `work` on a thread of its own (for work that runs beside the caller's, not split like
// run_parallel's); the caller joins it.
std::thread start_thread(std::function<void()> work);

// How many threads run_parallel and start_thread have started in this process, for the tests that check
// --threads.
std::uint64_t threads_started();

}  // namespace kexport
