// Where the outermost bin holding an element is heading.
//
// A bin changes the states of its sinks first. When a whole pipeline goes
// down, by sctpenc's PAUSED->READY the sink after it (udpsink, nicesink) has
// stopped and an ABORT pushed then never reaches the wire; so both elements
// abort in PLAYING->PAUSED already when the pipeline is heading to READY or
// NULL. (sctpdec, often sorted before the packet sink, usually gets there
// while that sink still plays.)
#pragma once

#include <gst/gst.h>

namespace gstsctp {

inline GstState top_level_target_state(GstElement* element) {
  GstObject* top = GST_OBJECT(gst_object_ref(element));
  while (GstObject* parent = gst_object_get_parent(top)) {
    gst_object_unref(top);
    top = parent;
  }
  GstState target = GST_STATE_VOID_PENDING;
  if (GST_IS_ELEMENT(top)) {
    GST_OBJECT_LOCK(top);
    target = GST_STATE_TARGET(GST_ELEMENT(top));
    GST_OBJECT_UNLOCK(top);
  }
  gst_object_unref(top);
  return target;
}

}  // namespace gstsctp
