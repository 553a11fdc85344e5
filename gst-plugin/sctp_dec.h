// sctpdec: takes SCTP packets on its always sink pad and delivers each
// received message on a sometimes pad src_%u (the number is the SCTP stream
// id), created when the stream first delivers data and removed when the peer
// resets the stream or the association ends. Compatible with gst-plugins-bad
// 1.22's element of the same name; see README.md.
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define GST_TYPE_SCTP_DEC (gst_sctp_dec_get_type())
G_DECLARE_FINAL_TYPE(GstSctpDec, gst_sctp_dec, GST, SCTP_DEC, GstElement)

GST_ELEMENT_REGISTER_DECLARE(sctpdec);

G_END_DECLS
