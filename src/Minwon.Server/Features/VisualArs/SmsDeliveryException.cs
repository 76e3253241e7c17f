namespace Minwon.Server.Features.VisualArs;

/// <summary>The SMS provider refused or could not be reached; the caller decides what the citizen is told.</summary>
public sealed class SmsDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
