// Work in three stages that overlap: one thread produces items in order (inflating a sheet and
// cutting it into pieces), workers transform them on the other cores (parsing each piece), and the
// caller takes the results in the order the items were produced. At most `window` items are
// between producer and caller at a time, which bounds the memory held. An exception thrown by the
// producer or a worker reaches the caller where its item would have come, after every earlier one.
// With no workers, everything runs on the caller's thread, one item at a time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "kexport/model/parallel.hpp"

namespace kexport::input {

template <typename Item, typename Result>
class OrderedPipeline {
 public:
  using Produce = std::function<std::optional<Item>()>;  // nullopt: no more items
  using Transform = std::function<Result(Item&)>;

  OrderedPipeline(Produce produce, Transform transform, unsigned workers, std::size_t window)
      : produce_(std::move(produce)),
        transform_(std::move(transform)),
        window_(std::max<std::size_t>(window, 1)) {
    if (workers == 0) return;
    threads_.push_back(start_thread([this] { run_producer(); }));
    for (unsigned i = 0; i < workers; ++i) threads_.push_back(start_thread([this] { run_worker(); }));
  }

  ~OrderedPipeline() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    room_.notify_all();
    work_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }

  OrderedPipeline(const OrderedPipeline&) = delete;
  OrderedPipeline& operator=(const OrderedPipeline&) = delete;

  // The next result in order; nullopt after the last.
  std::optional<Result> next() {
    if (threads_.empty()) {
      std::optional<Item> item = produce_();
      if (!item) return std::nullopt;
      return transform_(*item);
    }
    std::unique_lock lock(mutex_);
    result_.wait(lock, [&] { return done_.count(taken_) != 0 || (produced_all_ && taken_ == produced_); });
    const auto found = done_.find(taken_);
    if (found == done_.end()) {
      if (producer_failure_) std::rethrow_exception(std::exchange(producer_failure_, nullptr));
      return std::nullopt;
    }
    Slot slot = std::move(found->second);
    done_.erase(found);
    ++taken_;
    lock.unlock();
    room_.notify_one();  // room in the window, for the producer
    if (slot.failure) std::rethrow_exception(slot.failure);
    return std::move(slot.result);
  }

 private:
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr failure;
  };

  void run_producer() {
    while (true) {
      {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return stopping_ || produced_ - taken_ < window_; });
        if (stopping_) return;
      }
      std::optional<Item> item;
      std::exception_ptr failure;
      try {
        item = produce_();
      } catch (...) {
        failure = std::current_exception();
      }
      {
        const std::lock_guard lock(mutex_);
        if (item) {
          waiting_.emplace_back(produced_++, std::move(*item));
        } else {
          producer_failure_ = failure;
          produced_all_ = true;
        }
      }
      if (item) {
        work_.notify_one();
      } else {
        work_.notify_all();  // the workers may stop
        result_.notify_one();
      }
      if (!item) return;
    }
  }

  void run_worker() {
    while (true) {
      std::pair<std::uint64_t, Item> work;
      {
        std::unique_lock lock(mutex_);
        work_.wait(lock, [&] { return stopping_ || !waiting_.empty() || produced_all_; });
        if (stopping_ || waiting_.empty()) return;
        work = std::move(waiting_.front());
        waiting_.erase(waiting_.begin());
      }
      Slot slot;
      try {
        slot.result = transform_(work.second);
      } catch (...) {
        slot.failure = std::current_exception();
      }
      {
        const std::lock_guard lock(mutex_);
        done_.emplace(work.first, std::move(slot));
      }
      result_.notify_one();  // only the caller waits for results
    }
  }

  Produce produce_;
  Transform transform_;
  std::size_t window_;
  std::vector<std::thread> threads_;

  std::mutex mutex_;
  // Who waits for what: the producer for room in the window, the workers for items, the caller
  // for results; each woken only by what it waits for.
  std::condition_variable room_, work_, result_;
  std::vector<std::pair<std::uint64_t, Item>> waiting_;  // produced, not yet taken by a worker
  std::map<std::uint64_t, Slot> done_;                   // transformed, not yet taken by the caller
  std::uint64_t produced_ = 0;                           // items produced so far
  std::uint64_t taken_ = 0;                              // results the caller has taken
  bool produced_all_ = false;
  bool stopping_ = false;
  std::exception_ptr producer_failure_;
};

}  // namespace kexport::input
