// sctpenc: turns messages on request pads sink_%u (the number is the SCTP
// stream id) into SCTP packets on its always src pad. Compatible with
// gst-plugins-bad 1.22's element of the same name; see README.md.
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define GST_TYPE_SCTP_ENC (gst_sctp_enc_get_type())
G_DECLARE_FINAL_TYPE(GstSctpEnc, gst_sctp_enc, GST, SCTP_ENC, GstElement)

#define GST_TYPE_SCTP_ENC_PAD (gst_sctp_enc_pad_get_type())
G_DECLARE_FINAL_TYPE(GstSctpEncPad, gst_sctp_enc_pad, GST, SCTP_ENC_PAD, GstPad)

GST_ELEMENT_REGISTER_DECLARE(sctpenc);

G_END_DECLS
