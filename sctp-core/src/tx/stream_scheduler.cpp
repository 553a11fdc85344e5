#include "tx/stream_scheduler.h"

#include "tx/fcfs_scheduler.h"
#include "tx/priority_scheduler.h"
#include "tx/round_robin_scheduler.h"

namespace sctp {

std::unique_ptr<StreamScheduler> make_stream_scheduler(StreamSchedulerKind kind) {
  switch (kind) {
    case StreamSchedulerKind::kFirstComeFirstServed:
      return std::make_unique<FcfsScheduler>();
    case StreamSchedulerKind::kRoundRobin:
      return std::make_unique<RoundRobinScheduler>();
    case StreamSchedulerKind::kPriority:
      return std::make_unique<PriorityScheduler>();
  }
  return std::make_unique<RoundRobinScheduler>();
}

}  // namespace sctp
