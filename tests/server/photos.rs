//! Photos in every accepted format come out as the standard square JPEG, turned the way
//! the camera says (EXIF orientation) and without their metadata.

use crate::common::TestApp;
use image::{ImageEncoder, Rgb, RgbImage};
use serde_json::Value;

/// 200 × 100: left half red, right half blue.
fn two_halves() -> RgbImage {
    RgbImage::from_fn(200, 100, |x, _| {
        if x < 100 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    })
}

fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95)
        .write_image(
            image,
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// The JPEG with an EXIF segment saying « rotate 90° clockwise to display » (6) and a
/// distinctive camera maker that must not survive.
fn jpeg_rotated_by_exif(image: &RgbImage) -> Vec<u8> {
    let plain = jpeg(image);
    let maker = b"ZyqCam\0\0";
    let mut tiff = b"MM\0*\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&[0, 2]); // two entries
    tiff.extend_from_slice(&[0x01, 0x0F, 0, 2, 0, 0, 0, 8, 0, 0, 0, 38]); // Make, at 38
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation 6
    tiff.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
    tiff.extend_from_slice(maker);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let len = u16::try_from(app1.len() + 2).unwrap().to_be_bytes();
    let mut out = plain[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1, len[0], len[1]]);
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

fn webp(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .write_image(
            image,
            image.width(),
            image.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// Uploads a photo and returns the stored bytes, as the owner gets them.
async fn stored_photo(
    app: &TestApp,
    expert: &reqwest::Client,
    bytes: Vec<u8>,
    name: &str,
) -> Vec<u8> {
    let res = app
        .upload(expert, "profile_upload_photo", bytes, name)
        .await;
    assert_eq!(res.status(), 200, "{name}");
    let url = res.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    let res = expert
        .get(format!("{}{url}", app.base_url))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    res.bytes().await.unwrap().to_vec()
}

fn is_red(p: &Rgb<u8>) -> bool {
    p[0] > 150 && p[2] < 100
}

fn is_blue(p: &Rgb<u8>) -> bool {
    p[2] > 150 && p[0] < 100
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_are_turned_upright_squared_and_stripped() {
    let app = TestApp::spawn().await;
    let expert = app.provider("camille@exemple.fr").await;
    let source = two_halves();

    // As taken: red left, blue right, cropped to the centre square.
    for (bytes, name) in [(jpeg(&source), "plain.jpg"), (webp(&source), "photo.webp")] {
        let out = image::load_from_memory(&stored_photo(&app, &expert, bytes, name).await)
            .unwrap()
            .to_rgb8();
        assert_eq!(out.dimensions(), (480, 480), "{name}");
        assert!(
            is_red(out.get_pixel(20, 240)) && is_blue(out.get_pixel(460, 240)),
            "{name}"
        );
    }

    // Rotated by its EXIF orientation: red on top, blue below; metadata gone.
    let stored = stored_photo(&app, &expert, jpeg_rotated_by_exif(&source), "tourne.jpg").await;
    assert!(
        !stored.windows(6).any(|w| w == b"ZyqCam") && !stored.windows(4).any(|w| w == b"Exif"),
        "the camera's metadata was kept"
    );
    let out = image::load_from_memory(&stored).unwrap().to_rgb8();
    assert_eq!(out.dimensions(), (480, 480));
    assert!(
        is_red(out.get_pixel(240, 20)),
        "{:?}",
        out.get_pixel(240, 20)
    );
    assert!(
        is_blue(out.get_pixel(240, 460)),
        "{:?}",
        out.get_pixel(240, 460)
    );
}

/// A PNG of `width` × `height` black pixels of `color` at 16 bits per channel, written
/// row by row (never whole in memory): a few hundred kilobytes that decode to hundreds
/// of megabytes. With `exif`, an EXIF chunk asking for a quarter turn.
fn png_bomb(width: u32, height: u32, color: png::ColorType, exif: bool) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Sixteen);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().unwrap();
    if exif {
        let mut tiff = b"MM\0*\0\0\0\x08".to_vec();
        tiff.extend_from_slice(&[0, 1]);
        tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation 6
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        writer
            .write_chunk(png::chunk::ChunkType(*b"eXIf"), &tiff)
            .unwrap();
    }
    let channels = if color == png::ColorType::Rgba { 4 } else { 3 };
    let row = vec![0u8; width as usize * channels * 2];
    let mut stream = writer.stream_writer_with_size(1 << 20).unwrap();
    for _ in 0..height {
        stream.write_all(&row).unwrap();
    }
    stream.finish().unwrap();
    writer.finish().unwrap();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decompression_bombs_are_refused_before_decoding() {
    let app = TestApp::spawn().await;
    let expert = app.provider("camille@exemple.fr").await;
    let bombs = [
        // 100 megapixels, 600 MB once decoded, turned by its EXIF orientation.
        (
            png_bomb(10_000, 10_000, png::ColorType::Rgb, true),
            "mégapixels",
        ),
        // 36 megapixels, but 288 MB at 16 bits per channel with transparency.
        (png_bomb(6_000, 6_000, png::ColorType::Rgba, false), "Mo"),
    ];
    for (bytes, says) in bombs {
        assert!(bytes.len() < 5 * 1024 * 1024, "{} bytes", bytes.len());
        let started = std::time::Instant::now();
        let res = app
            .upload(&expert, "profile_upload_photo", bytes, "bombe.png")
            .await;
        let (status, err) = crate::common::error_of(res).await;
        assert_eq!(status, 422, "{err}");
        let message = err.to_string();
        assert!(
            message.contains("trop grande") && message.contains(says),
            "{message}"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(3),
            "refused after {:?}: it was decoded",
            started.elapsed()
        );
    }
    // The next photo is not held up.
    let normal = stored_photo(&app, &expert, jpeg(&two_halves()), "moi.jpg").await;
    assert!(image::load_from_memory(&normal).is_ok());
}
