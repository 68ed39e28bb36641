"""A 12-megapixel phone photo into 4 platform variants: ``media.prepare_image`` against a naive
Pillow pipeline, measured in the same run.

Run from the repository root with the project's virtual environment::

    python benchmarks/image_variants.py [--rounds 7] [--strict]

The source is generated once (4000 × 3000 JPEG, quality 92, photo-like content, EXIF with GPS
and orientation 6 as a phone writes it) and kept in the system temp folder. The four variants
are Instagram feed (4:5, 1080 × 1350), Instagram story (9:16, 1080 × 1920), Facebook link card
(1200 × 628) and Instagram carousel (1:1, 1080 × 1080).

What runs, each round in a fresh output folder (nothing cached), in rotating order:

naive
    per variant: ``Image.open``, ``ImageOps.exif_transpose``, ``ImageOps.fit`` (centre crop and
    LANCZOS resize to the same size the app makes), ``save`` as JPEG quality 85. Full decode
    every time; no colour management, no metadata handling, no byte limit.
prepare_image ×4
    the app's public call once per variant, as the composer makes them: content hash, header
    checks, draft decode (1/2, 1/4, 1/8 DCT scaling where the variant allows), orientation,
    sRGB, crop around the focal point, ``reducing_gap`` resize, metadata-free JPEG within the
    platform's byte limit, atomic write.
prepare_variants
    the same four in one call: the source is decoded once, at the scale the largest needs.
cached
    ``prepare_variants`` again on the folder it filled: what every later preview costs.

The target (issue 4): prepare_image ×4 no slower than naive; ``--strict`` exits 1 otherwise.
Medians over the rounds, after one discarded warm-up round.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import PIL
from PIL import Image, ImageOps

from kurum_masaustu import media
from kurum_masaustu.media import specs

VARIANTS = (("instagram", "feed"), ("instagram", "story"), ("facebook", "link_card"), ("instagram", "carousel"))
SOURCE_SIZE = (4000, 3000)
GENERATOR_VERSION = 1


def make_source(folder: Path) -> Path:
    """A photo-like 12 MP JPEG with phone EXIF (GPS, camera, orientation 6)."""
    path = folder / f"phone-12mp-v{GENERATOR_VERSION}.jpg"
    if path.exists():
        return path
    width, height = SOURCE_SIZE
    sky = Image.linear_gradient("L").resize((width, height))
    sun = Image.radial_gradient("L").resize((width, height))
    grain = Image.effect_noise((width, height), 18).convert("L")
    picture = Image.merge("RGB", (sun, Image.blend(sky, grain, 0.35), Image.blend(grain, sky, 0.6)))
    picture = picture.rotate(7, resample=Image.Resampling.BICUBIC, fillcolor=(90, 120, 60))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "Apple", "iPhone 15", 6
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (39.0, 55.0, 12.5), "E", (32.0, 51.0, 3.0)
    tmp = path.with_suffix(".tmp")
    picture.save(tmp, "JPEG", quality=92, exif=exif.tobytes())
    os.replace(tmp, path)
    return path


def variant_sizes(source: Path) -> list[tuple[int, int]]:
    """The pixel size the app makes for each variant (the naive pipeline makes the same)."""
    with Image.open(source) as image:
        width, height = ImageOps.exif_transpose(image).size
    sizes = []
    for platform_id, placement in VARIANTS:
        spec = media.image_spec(platform_id, placement)
        left, top, right, bottom = specs.crop_box(width, height, spec.min_ratio, spec.max_ratio, (0.5, 0.5))
        sizes.append(spec.output_size(right - left, bottom - top))
    return sizes


def naive(source: Path, out: Path, sizes: list[tuple[int, int]]) -> None:
    for index, size in enumerate(sizes):
        with Image.open(source) as image:
            upright = ImageOps.exif_transpose(image)
            fitted = ImageOps.fit(upright, size, Image.Resampling.LANCZOS)
            fitted.convert("RGB").save(out / f"naive-{index}.jpg", "JPEG", quality=85)


def app_per_variant(source: Path, out: Path, _: list[tuple[int, int]]) -> None:
    for platform_id, placement in VARIANTS:
        media.prepare_image(source, platform_id, placement, out)


def app_batch(source: Path, out: Path, _: list[tuple[int, int]]) -> None:
    media.prepare_variants(source, VARIANTS, out)


Work = Callable[[Path, Path, list[tuple[int, int]]], None]


def timed(work: Work, source: Path, out: Path, sizes: list[tuple[int, int]]) -> float:
    started = time.perf_counter()
    work(source, out, sizes)
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds (default 7), after one warm-up")
    parser.add_argument("--strict", action="store_true", help="exit 1 if prepare_image ×4 is slower than naive")
    args = parser.parse_args(argv)

    cache = Path(tempfile.gettempdir()) / "kurum-masaustu-bench-images"
    cache.mkdir(exist_ok=True)
    source = make_source(cache)
    sizes = variant_sizes(source)
    runs: dict[str, Work] = {"naive": naive, "prepare_image ×4": app_per_variant, "prepare_variants": app_batch}
    results: dict[str, list[float]] = {name: [] for name in [*runs, "cached"]}

    print(f"Python {platform.python_version()}, Pillow {PIL.__version__}, {os.cpu_count()} cores")
    print(f"Source: {source} ({source.stat().st_size / 1e6:.1f} MB, {SOURCE_SIZE[0]} × {SOURCE_SIZE[1]}, EXIF 6)")
    print("Variants: " + ", ".join(f"{p}/{pl} {w}×{h}" for (p, pl), (w, h) in zip(VARIANTS, sizes, strict=True)))

    with tempfile.TemporaryDirectory(prefix="bench-variants-") as tmp:
        work_dir = Path(tmp)
        names = list(runs)
        for round_index in range(args.rounds + 1):
            order = names[round_index % len(names) :] + names[: round_index % len(names)]
            for name in order:
                out = work_dir / f"{name.split()[0]}-{round_index}"
                out.mkdir()
                elapsed = timed(runs[name], source, out, sizes)
                if round_index:
                    results[name].append(elapsed)
                if name == "prepare_variants":
                    cached = timed(app_batch, source, out, sizes)
                    if round_index:
                        results["cached"].append(cached)
                shutil.rmtree(out)

    check = check_outputs(source)
    medians = {name: statistics.median(values) for name, values in results.items()}
    base = medians["naive"]
    print(f"\n{'variant':<20}{'median ms':>11}{'min':>9}{'max':>9}{'vs naive':>10}")
    for name, values in results.items():
        print(f"{name:<20}{medians[name]:>11.1f}{min(values):>9.1f}{max(values):>9.1f}{medians[name] / base:>9.2f}×")
    print(f"\nOutputs checked: {check}")
    target_met = medians["prepare_image ×4"] <= base
    verdict = "PASS" if target_met else "MISS"
    print(
        f"Target (prepare_image ×4 ≤ naive): {verdict} "
        f"({medians['prepare_image ×4']:.0f} ms vs {base:.0f} ms; batch {medians['prepare_variants']:.0f} ms)"
    )
    return 1 if args.strict and not target_met else 0


def check_outputs(source: Path) -> str:
    """Make the four variants once more and confirm sizes and that no metadata is left."""
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        paths = media.prepare_variants(source, VARIANTS, tmp)
        notes = []
        for path in paths:
            data = path.read_bytes()
            with Image.open(path) as image:
                clean = not image.getexif() and b"Exif" not in data and "icc_profile" not in image.info
                notes.append(f"{image.size[0]}×{image.size[1]} {len(data) // 1000} KB{'' if clean else ' (METADATA!)'}")
        return ", ".join(notes)


if __name__ == "__main__":
    sys.exit(main())
