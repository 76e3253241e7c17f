namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Upper tail of the negative binomial, the posterior predictive of a Poisson count whose rate has a gamma posterior
/// (shape a, rate b) observed over exposure N: mean m = N a / b, size r = a (plus extra dispersion, see the detector).
/// A rare term whose rate rests on a handful of past sightings therefore gets a heavy tail instead of a false
/// certainty, which is what keeps the first days of a stream quiet without a long warm-up.
/// </summary>
public static class NegativeBinomialTail
{
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
    private static readonly double[] GLanczos = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

    /// <summary>log P(X ≥ x) for X ~ NB(size, mean).</summary>
    public static double LogUpperTail(int x, double size, double mean)
    {
        if (x <= 0)
        {
            return 0;
        }

        mean = Math.Max(mean, 1e-300);
        size = Math.Max(size, 1e-12);
        var p = size / (size + mean);
        var logQ = Math.Log(mean / (size + mean));
        var logPmf = LogGamma(x + size) - LogGamma(size) - LogGamma(x + 1.0) + size * Math.Log(p) + x * logQ;
        var q = Math.Exp(logQ);
        double sum = 1, term = 1;
        for (var k = x; k < x + 5000; k++)
        {
            term *= (k + size) / (k + 1) * q;
            sum += term;
            if (term < sum * 1e-12)
            {
                break;
            }
        }

        return Math.Min(0, logPmf + Math.Log(sum));
    }

    /// <summary>The z-score with the same upper-tail probability, so scores read like familiar sigmas.</summary>
    public static double ZFromLogTail(double logTail)
    {
        if (logTail > -1e-12)
        {
            return -8;
        }

        if (logTail < -600)
        {
            logTail = Math.Max(logTail, -1e6);
            // Asymptotic inverse of the Mills ratio; exp() would underflow here.
            var t = -2 * logTail;
            return Math.Sqrt(t - Math.Log(t) - Math.Log(2 * Math.PI));
        }

        return -InverseStandardNormal(Math.Exp(logTail));
    }

    /// <summary>Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9).</summary>
    public static double InverseStandardNormal(double p)
    {
        const double low = 0.02425;
        p = Math.Clamp(p, 1e-300, 1 - 1e-16);
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }

        if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }

        var qh = Math.Sqrt(-2 * Math.Log(1 - p));
        return -(((((C[0] * qh + C[1]) * qh + C[2]) * qh + C[3]) * qh + C[4]) * qh + C[5]) / ((((D[0] * qh + D[1]) * qh + D[2]) * qh + D[3]) * qh + 1);
    }

    /// <summary>Lanczos approximation (g = 7, n = 9), accurate to about 1e-15 for positive arguments.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = GLanczos[0];
        for (var i = 1; i < 9; i++)
        {
            sum += GLanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
