namespace Minwon.Server.Features.VisualArs;

/// <summary>Sends one text message. Implementations throw SmsDeliveryException when the provider refuses it.</summary>
public interface ISmsGateway
{
    Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken);
}
