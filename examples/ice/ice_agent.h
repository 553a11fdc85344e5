// A libnice agent for one stream of one component, restricted to loopback:
// its only local address is 127.0.0.1 (nice_agent_add_local_address, so no
// other interface is gathered), with no STUN or TURN server and no ICE-TCP.
// The offerer is the controlling agent (RFC 8445 section 6.1.1) and
// nominates the pair. nicesrc and nicesink then carry the component's
// packets in the pipeline.
#pragma once

#include <agent.h>

#include <functional>
#include <string>

#include "signalling.h"

namespace ice_example {

class LoopbackIceAgent {
 public:
  struct Callbacks {
    std::function<void()> gathered;           // local candidates are complete
    std::function<void()> ready;              // a pair is nominated: media may flow
    std::function<void(std::string)> failed;  // ICE failed (why)
  };
  static constexpr guint kComponent = 1;

  LoopbackIceAgent(bool controlling, Callbacks callbacks);
  ~LoopbackIceAgent();
  LoopbackIceAgent(const LoopbackIceAgent&) = delete;
  LoopbackIceAgent& operator=(const LoopbackIceAgent&) = delete;

  // Adds the stream and starts gathering; false (and *error) on failure.
  bool start(std::string* error);
  // Our credentials and candidates, once gathered.
  void describe(SessionDescription& d) const;
  // The peer's credentials and candidates: connectivity checks start.
  bool set_remote(const SessionDescription& d, std::string* error);

  NiceAgent* agent() const { return agent_; }
  guint stream() const { return stream_; }

 private:
  static void on_gathering_done(NiceAgent*, guint stream, gpointer self);
  static void on_state(NiceAgent*, guint stream, guint component, guint state, gpointer self);

  NiceAgent* agent_ = nullptr;
  guint stream_ = 0;
  Callbacks callbacks_;
  bool ready_ = false;
};

}  // namespace ice_example
