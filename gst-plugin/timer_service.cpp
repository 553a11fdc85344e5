#include "timer_service.h"

namespace gstsctp {

TimerService::TimerService() : thread_([this] { run(); }) {}

TimerService::~TimerService() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.get_id() == std::this_thread::get_id()) {
    thread_.detach();
  } else {
    thread_.join();
  }
}

TimerService& TimerService::shared() {
  // Deliberately leaked: see the header.
  static TimerService* const service = new TimerService();
  return *service;
}

TimerService::Handle TimerService::schedule(Clock::duration delay, Callback callback) {
  const Clock::time_point deadline = Clock::now() + delay;
  bool earliest = false;
  Handle handle = 0;
  {
    std::lock_guard lock(mutex_);
    handle = next_handle_++;
    earliest = queue_.empty() || deadline < queue_.begin()->first.first;
    queue_.emplace(Key{deadline, handle}, std::move(callback));
    deadlines_.emplace(handle, deadline);
  }
  if (earliest) wake_.notify_one();
  return handle;
}

void TimerService::cancel(Handle handle) {
  Callback dropped;  // destroyed outside the lock: it may own references
  std::lock_guard lock(mutex_);
  const auto it = deadlines_.find(handle);
  if (it == deadlines_.end()) return;
  const auto entry = queue_.find(Key{it->second, handle});
  if (entry != queue_.end()) {
    dropped = std::move(entry->second);
    queue_.erase(entry);
  }
  deadlines_.erase(it);
}

size_t TimerService::pending() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void TimerService::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (queue_.empty()) {
      wake_.wait(lock);
      continue;
    }
    const auto first = queue_.begin();
    // A copy: wait_until reads its deadline again after the lock was released
    // and retaken, when a cancel() may have erased this node.
    const Clock::time_point deadline = first->first.first;
    if (Clock::now() < deadline) {
      wake_.wait_until(lock, deadline);
      continue;
    }
    Callback callback = std::move(first->second);
    deadlines_.erase(first->first.second);
    queue_.erase(first);
    lock.unlock();
    callback();
    callback = nullptr;
    lock.lock();
  }
}

}  // namespace gstsctp
