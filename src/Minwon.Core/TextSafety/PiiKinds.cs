namespace Minwon.Core.TextSafety;

public static class PiiKinds
{
    /// <summary>The snake_case name used on the wire (`rrn`, `phone`, ..., `vehicle_plate`, `address`).</summary>
    public static string WireName(this PiiKind kind) => kind switch
    {
        PiiKind.Rrn => "rrn",
        PiiKind.Phone => "phone",
        PiiKind.Card => "card",
        PiiKind.Account => "account",
        PiiKind.Email => "email",
        PiiKind.Passport => "passport",
        PiiKind.DriverLicense => "driver_license",
        PiiKind.VehiclePlate => "vehicle_plate",
        PiiKind.Address => "address",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string name, out PiiKind kind)
    {
        foreach (var candidate in Enum.GetValues<PiiKind>())
        {
            if (candidate.WireName() == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
