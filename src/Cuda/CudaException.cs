using System;

namespace PrepGen.Cuda;

/// <summary>A CUDA driver or NVRTC call failed; the message names the call and the CUresult / nvrtcResult.</summary>
public class CudaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, with the error name.</param>
    public CudaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="inner">The cause.</param>
    public CudaException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The numeric CUresult or nvrtcResult, or 0 when not from a call.</summary>
    public int ErrorCode { get; init; }
}

/// <summary>No usable GPU: the driver library is missing, cuInit failed, or there are no devices.</summary>
public sealed class CudaUnavailableException : CudaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why CUDA cannot be used.</param>
    public CudaUnavailableException(string reason)
        : base("CUDA is not available: " + reason)
    {
    }
}
