namespace Minwon.Core.Voice;

/// <summary>Frame types of Asterisk's AudioSocket protocol (res_audiosocket, Asterisk 18 and later).</summary>
public enum AudioSocketKind : byte
{
    /// <summary>The call is over; no payload.</summary>
    Hangup = 0x00,

    /// <summary>The call's UUID, 16 bytes in network order; the first frame of every connection.</summary>
    Uuid = 0x01,

    /// <summary>Silence indication (some Asterisk versions); no audio payload.</summary>
    Silence = 0x02,

    /// <summary>One DTMF digit as an ASCII byte.</summary>
    Dtmf = 0x03,

    /// <summary>Signed linear 16-bit little-endian mono at 8 kHz.</summary>
    Slin8 = 0x10,
    Slin12 = 0x11,
    Slin16 = 0x12,
    Slin24 = 0x13,
    Slin32 = 0x14,
    Slin44 = 0x15,
    Slin48 = 0x16,

    /// <summary>An error on the other side; the payload is an application-specific code.</summary>
    Error = 0xFF,
}
