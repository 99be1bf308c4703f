// An allocator for the columns of millions of records. A large block is mapped on its own,
// aligned to 2 MiB and marked for transparent huge pages: filling 160 MB of fresh memory then
// takes some 80 page faults instead of 40,000, which on a virtual machine cost more than the
// parsing itself. Small blocks come from operator new as usual.
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace kexport {

namespace large_memory {
// Blocks from this size up are mapped with huge-page advice.
inline constexpr std::size_t threshold = std::size_t{4} << 20;
// The mapping of a block of `bytes` (≥ threshold); nullptr when the system has no memory.
void* map(std::size_t bytes) noexcept;
void unmap(void* block, std::size_t bytes) noexcept;
}  // namespace large_memory

template <typename T>
class LargeAllocator {
 public:
  using value_type = T;
  LargeAllocator() noexcept = default;
  template <typename U>
  LargeAllocator(const LargeAllocator<U>& /*other*/) noexcept {}

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < large_memory::threshold) return static_cast<T*>(::operator new(bytes));
    void* block = large_memory::map(bytes);
    if (block == nullptr) throw std::bad_alloc();
    return static_cast<T*>(block);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < large_memory::threshold)
      ::operator delete(p);
    else
      large_memory::unmap(p, bytes);
  }

  // resize() leaves new elements of a trivial type uninitialised, as `new T[n]` would: the
  // columns are written before they are read, and zeroing them first would touch the memory twice.
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }

  friend bool operator==(const LargeAllocator& /*a*/, const LargeAllocator& /*b*/) noexcept { return true; }
};

}  // namespace kexport
