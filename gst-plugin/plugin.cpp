// Registers sctpenc and sctpdec under the plugin name "sctp", as
// gst-plugins-bad does, so existing pipelines and webrtcbin find them.
#include <gst/gst.h>

#include "sctp_dec.h"
#include "sctp_enc.h"

static gboolean plugin_init(GstPlugin* plugin) {
  gboolean ok = FALSE;
  ok |= GST_ELEMENT_REGISTER(sctpenc, plugin);
  ok |= GST_ELEMENT_REGISTER(sctpdec, plugin);
  return ok;
}

GST_PLUGIN_DEFINE(GST_VERSION_MAJOR, GST_VERSION_MINOR, sctp,
                  "SCTP encoder/decoder plugin (user-space SCTP, sans-IO core)", plugin_init,
                  PACKAGE_VERSION, "LGPL", PACKAGE_NAME, PACKAGE_ORIGIN)
