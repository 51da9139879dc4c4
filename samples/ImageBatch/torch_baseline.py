"""Baseline for the ImageBatch benchmark: the same batch and math in PyTorch on the same GPU.

Batch of 256 uint8 256x256x3 (NHWC) images -> bilinear resize to 224x224 (half-pixel centers, no
antialias, as TF/Keras) -> x/255 -> ImageNet mean/std -> float32 NCHW. Reports ms per batch and the
effective bandwidth (input bytes read + output bytes written), plus a device-to-device copy, all timed
with CUDA events over many iterations. Run: python torch_baseline.py [iterations]
"""
import sys

import torch
import torch.nn.functional as F
from torchvision.transforms import v2

ITERATIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
BATCH, H, W, C, SIZE = 256, 256, 256, 3, 224
MEAN = torch.tensor([0.485, 0.456, 0.406], device="cuda").view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225], device="cuda").view(1, 3, 1, 1)


def timed(fn):
    for _ in range(5):
        fn()
    start = torch.cuda.Event(enable_timing=True)
    stop = torch.cuda.Event(enable_timing=True)
    start.record()
    for _ in range(ITERATIONS):
        fn()
    stop.record()
    torch.cuda.synchronize()
    return start.elapsed_time(stop) / ITERATIONS


def main():
    gen = torch.Generator(device="cuda").manual_seed(5)
    nhwc = torch.randint(0, 256, (BATCH, H, W, C), dtype=torch.uint8, device="cuda", generator=gen)
    moved = nhwc.numel() + BATCH * C * SIZE * SIZE * 4

    def torch_ops():
        x = nhwc.permute(0, 3, 1, 2).float()
        x = F.interpolate(x, size=(SIZE, SIZE), mode="bilinear", align_corners=False, antialias=False)
        return (x / 255.0 - MEAN) / STD

    transform = v2.Compose([
        v2.Resize((SIZE, SIZE), interpolation=v2.InterpolationMode.BILINEAR, antialias=False),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
    ])
    nchw = nhwc.permute(0, 3, 1, 2).contiguous()

    print(f"device: {torch.cuda.get_device_name()}, torch {torch.__version__}")
    for name, fn in [("torch ops", torch_ops), ("torchvision.transforms.v2", lambda: transform(nchw))]:
        ms = timed(fn)
        print(f"{name}: {ms:.4f} ms per batch, {moved / (ms * 1e6):.0f} GB/s effective")

    out = torch_ops()
    dst = torch.empty_like(out)
    ms = timed(lambda: dst.copy_(out))
    print(f"device-to-device copy of {out.numel() * 4 / 1e6:.0f} MB: {ms:.4f} ms, {2 * out.numel() * 4 / (ms * 1e6):.0f} GB/s (read + write)")


if __name__ == "__main__":
    main()
