//! Photos: judged by their header before anything is decoded (a small file can decode
//! to gigabytes), decoded one at a time, and re-encoded as the standard square.

use std::io::Cursor;

use crate::error::{AppError, Problem};

/// Side of the square the photos are stored at, in pixels.
pub const PHOTO_SIZE: u32 = 480;

/// The widest or tallest photo accepted, in pixels.
const MAX_PHOTO_SIDE: u32 = 10_000;
/// The most pixels a photo may have: a 40-megapixel camera's, far beyond what a 480 px
/// square needs. A compressed file says nothing of its decoded size (a PNG of a few
/// hundred kilobytes can decode to gigabytes), so this is judged from its header.
const MAX_PHOTO_PIXELS: u64 = 40_000_000;
/// The memory the decoded pixels may take, at the file's own depth (16-bit channels
/// count double).
const MAX_PHOTO_DECODED_BYTES: u64 = 256 * 1024 * 1024;
/// Before cropping and the final resize, photos are first brought down to this short
/// side: the rotation and the fine filter then work on a small image.
const PHOTO_WORKING_SIDE: u32 = 2 * PHOTO_SIZE;
/// How long an upload waits for its decoding turn before being told to retry.
pub(super) const PHOTO_TURN_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Photos decoded at once in this process. Decoding may take up to 256 MiB and a core
/// for a second: a burst of uploads waits its turn instead of exhausting memory.
pub(super) static PHOTO_DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// A turn of `semaphore`, or 503 after `wait`: a queue of uploads must not hold
/// requests open indefinitely.
pub(super) async fn decoding_turn(
    semaphore: &'static tokio::sync::Semaphore,
    wait: std::time::Duration,
) -> Result<tokio::sync::SemaphorePermit<'static>, AppError> {
    match tokio::time::timeout(wait, semaphore.acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(_)) => Err(AppError::Internal),
        Err(_) => {
            tracing::warn!("photo decoding busy: upload turned away");
            Err(AppError::Unavailable)
        }
    }
}

/// Refuses, from its header alone, a photo whose decoded pixels would not fit the
/// budget.
fn check_photo_budget(width: u32, height: u32, decoded_bytes: u64) -> Result<(), Problem> {
    let pixels = u64::from(width) * u64::from(height);
    if width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE || pixels > MAX_PHOTO_PIXELS {
        return Err(Problem::PhotoTooManyPixels {
            width,
            height,
            megapixels: pixels.div_ceil(1_000_000),
            max_megapixels: MAX_PHOTO_PIXELS / 1_000_000,
            max_side: MAX_PHOTO_SIDE,
        });
    }
    if decoded_bytes > MAX_PHOTO_DECODED_BYTES {
        return Err(Problem::PhotoTooHeavy {
            mb: decoded_bytes.div_ceil(1024 * 1024),
            max_mb: MAX_PHOTO_DECODED_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// The image with its short side brought down to [`PHOTO_WORKING_SIDE`] (proportions
/// kept); a smaller one is left as it is.
fn shrink(image: image::DynamicImage) -> image::DynamicImage {
    let (width, height) = (image.width(), image.height());
    let short = width.min(height);
    if short <= PHOTO_WORKING_SIDE {
        return image;
    }
    let scaled = |side: u32| {
        let side = u64::from(side) * u64::from(PHOTO_WORKING_SIDE) / u64::from(short);
        u32::try_from(side).unwrap_or(u32::MAX).max(1)
    };
    image.thumbnail_exact(scaled(width), scaled(height))
}

/// Decodes a photo (within the budget above, checked before any pixel is decoded),
/// shrinks it, applies its orientation, crops it to a centred square of [`PHOTO_SIZE`]
/// and re-encodes it as JPEG, which also drops its metadata (GPS…).
pub fn standard_photo(bytes: &[u8]) -> Result<Vec<u8>, AppError> {
    use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
    let unreadable = |err: image::ImageError| {
        tracing::info!(error = %err, "photo refused");
        AppError::Validation(Problem::PhotoUnreadableOrTooLarge)
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PHOTO_SIDE);
    limits.max_image_height = Some(MAX_PHOTO_SIDE);
    limits.max_alloc = Some(MAX_PHOTO_DECODED_BYTES);
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| AppError::Validation(Problem::PhotoUnreadable))?;
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    check_photo_budget(width, height, decoder.total_bytes()).map_err(AppError::Validation)?;
    // `into_decoder` does not count the output buffer against `max_alloc` (only
    // `ImageReader::decode` does): reserve it, so that the decoder's own allocations
    // share what remains of the budget.
    limits.reserve(decoder.total_bytes()).map_err(unreadable)?;
    decoder.set_limits(limits).map_err(unreadable)?;
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut image = shrink(DynamicImage::from_decoder(decoder).map_err(unreadable)?);
    // Turned once small: a quarter turn of the full image would copy all of it.
    image.apply_orientation(orientation);
    // Cropped before resizing: resizing a long, thin image "to fill" the square first
    // would blow it up to millions of pixels along its length.
    let side = image.width().min(image.height());
    let square = image
        .crop_imm(
            (image.width() - side) / 2,
            (image.height() - side) / 2,
            side,
            side,
        )
        .resize_exact(
            PHOTO_SIZE,
            PHOTO_SIZE,
            image::imageops::FilterType::Lanczos3,
        );
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&square.to_rgb8())
        .map_err(|err| {
            tracing::error!(error = %err, "photo encoding failed");
            AppError::Internal
        })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_busy_decoder_answers_503_after_the_wait() {
        static ONE: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);
        let held = decoding_turn(&ONE, PHOTO_TURN_WAIT).await.unwrap();
        let wait = std::time::Duration::from_millis(50);
        assert_eq!(
            decoding_turn(&ONE, wait).await.unwrap_err(),
            AppError::Unavailable
        );
        drop(held);
        assert!(decoding_turn(&ONE, wait).await.is_ok());
    }

    #[test]
    fn the_budget_is_judged_from_the_header() {
        assert!(check_photo_budget(8_000, 5_000, 8_000 * 5_000 * 3).is_ok());
        let pixels = check_photo_budget(10_000, 10_000, 10_000 * 10_000 * 6);
        assert!(
            matches!(
                pixels,
                Err(Problem::PhotoTooManyPixels {
                    megapixels: 100,
                    ..
                })
            ),
            "{pixels:?}"
        );
        let bytes = check_photo_budget(6_000, 6_000, 6_000 * 6_000 * 8);
        assert!(
            matches!(bytes, Err(Problem::PhotoTooHeavy { mb: 275, .. })),
            "{bytes:?}"
        );
        assert!(check_photo_budget(10_001, 1, 10_001).is_err());
    }

    #[test]
    fn thin_photos_are_cropped_not_blown_up() {
        let thin = image::RgbImage::from_pixel(10_000, 2, image::Rgb([200, 10, 10]));
        let mut png = Cursor::new(Vec::new());
        thin.write_to(&mut png, image::ImageFormat::Png).unwrap();
        let out = image::load_from_memory(&standard_photo(png.get_ref()).unwrap()).unwrap();
        assert_eq!((out.width(), out.height()), (PHOTO_SIZE, PHOTO_SIZE));
    }
}
