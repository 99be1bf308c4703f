#include "kexport/model/large_allocator.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace kexport::large_memory {
namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

std::size_t round_up(std::size_t bytes) {
  return (bytes + huge_page - 1) / huge_page * huge_page;
}

}  // namespace

void* map(std::size_t bytes) noexcept {
  const std::size_t size = round_up(bytes);
  // One huge page more than needed, so that an aligned stretch of `size` bytes lies inside; the
  // rest is given back at once.
  void* raw = ::mmap(nullptr, size + huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (start + huge_page - 1) / huge_page * huge_page;
  if (aligned > start) ::munmap(raw, aligned - start);
  const std::uintptr_t end = start + size + huge_page;
  if (end > aligned + size) ::munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
  // Advice only: where the system has no huge pages to give, the block works as any other.
  ::madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(aligned);
}

void unmap(void* block, std::size_t bytes) noexcept {
  ::munmap(block, round_up(bytes));
}

}  // namespace kexport::large_memory
