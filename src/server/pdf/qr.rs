//! QR codes for the documents, such as the SEPA credit-transfer code (EPC069-12) on an
//! invoice, that a banking app scans to fill in the payee, IBAN, amount and reference.

use qrcode::types::Color;
use qrcode::{EcLevel, QrCode};

use super::internal;
use super::layout::QUIET_ZONE;
use crate::error::AppError;

/// The modules of `payload`'s QR code, row by row (`true` is dark), with the quiet zone
/// around it, ready for [`super::layout::Block::Qr`]. Level M: the EPC guidelines
/// require it, and it survives a crumpled or badly printed page. Fails when the
/// payload is too long for any QR version.
pub fn qr_matrix(payload: &str) -> Result<Vec<Vec<bool>>, AppError> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map_err(|err| internal("QR code", &err.to_string()))?;
    let width = code.width();
    let side = width + 2 * QUIET_ZONE;
    let mut matrix = vec![vec![false; side]; side];
    for (i, color) in code.to_colors().into_iter().enumerate() {
        matrix[QUIET_ZONE + i / width][QUIET_ZONE + i % width] = color == Color::Dark;
    }
    Ok(matrix)
}
