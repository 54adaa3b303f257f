//! The overdue count on the taskbar button. Windows shows no number on a tray icon and has no
//! badge count, but it paints a small overlay icon on the taskbar button: a red disc with the
//! count in white (9+ above nine), drawn here from a tiny digit font. macOS and Linux desktops
//! that support it show the count as the window's badge.

/// Width and height of the overlay icon, as Windows draws it (16x16 at 100 % scaling).
pub const SIZE: u32 = 16;

/// Digits 0-9 and "+", 3 pixels wide and 5 high, one row per 3 bits (most significant left).
const GLYPHS: [[u8; 5]; 11] = [
    [0b111, 0b101, 0b101, 0b101, 0b111],
    [0b010, 0b110, 0b010, 0b010, 0b111],
    [0b111, 0b001, 0b111, 0b100, 0b111],
    [0b111, 0b001, 0b111, 0b001, 0b111],
    [0b101, 0b101, 0b111, 0b001, 0b001],
    [0b111, 0b100, 0b111, 0b001, 0b111],
    [0b111, 0b100, 0b111, 0b101, 0b111],
    [0b111, 0b001, 0b010, 0b010, 0b010],
    [0b111, 0b101, 0b111, 0b101, 0b111],
    [0b111, 0b101, 0b111, 0b001, 0b111],
    [0b000, 0b010, 0b111, 0b010, 0b000],
];
const PLUS: usize = 10;
const RED: [u8; 4] = [0xC6, 0x28, 0x28, 0xFF];
const WHITE: [u8; 4] = [0xFF, 0xFF, 0xFF, 0xFF];

/// The overlay for `count` overdue promises as RGBA pixels, or `None` when nothing is overdue.
pub fn overdue_overlay(count: u64) -> Option<Vec<u8>> {
    if count == 0 {
        return None;
    }
    let glyphs: Vec<usize> = if count > 9 { vec![9, PLUS] } else { vec![count as usize] };
    let mut pixels = vec![0u8; (SIZE * SIZE * 4) as usize];
    let centre = (SIZE as f32 - 1.0) / 2.0;
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (dx, dy) = (x as f32 - centre, y as f32 - centre);
            if dx * dx + dy * dy <= (SIZE as f32 / 2.0).powi(2) {
                put(&mut pixels, x, y, RED);
            }
        }
    }
    // Each glyph at double size (6x10), one pixel apart, centred.
    let width = glyphs.len() as u32 * 6 + (glyphs.len() as u32 - 1);
    let (left, top) = ((SIZE - width) / 2, (SIZE - 10) / 2);
    for (index, glyph) in glyphs.iter().enumerate() {
        let x0 = left + index as u32 * 7;
        for (row, bits) in GLYPHS[*glyph].iter().enumerate() {
            for column in 0..3u32 {
                if bits & (0b100 >> column) != 0 {
                    for (sx, sy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        put(&mut pixels, x0 + column * 2 + sx, top + row as u32 * 2 + sy, WHITE);
                    }
                }
            }
        }
    }
    Some(pixels)
}

fn put(pixels: &mut [u8], x: u32, y: u32, colour: [u8; 4]) {
    let at = ((y * SIZE + x) * 4) as usize;
    pixels[at..at + 4].copy_from_slice(&colour);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The overlay as text: `#` white, `o` red, `.` clear.
    fn picture(count: u64) -> Vec<String> {
        let pixels = overdue_overlay(count).expect("an overlay");
        pixels
            .chunks(4 * SIZE as usize)
            .map(|row| {
                row.chunks(4)
                    .map(|pixel| match pixel {
                        [0xFF, 0xFF, 0xFF, 0xFF] => '#',
                        [_, _, _, 0xFF] => 'o',
                        _ => '.',
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn nothing_overdue_removes_the_overlay() {
        assert_eq!(overdue_overlay(0), None);
    }

    #[test]
    fn the_count_is_written_in_white_on_a_red_disc() {
        let one = picture(1);
        assert_eq!(one[3], ".oooooo##oooooo.", "the top of the 1, centred: {one:#?}");
        assert_eq!(one[0].chars().filter(|pixel| *pixel == 'o').count(), 6, "a disc, not a square: {one:#?}");
        assert!(one[0].starts_with('.') && one[0].ends_with('.'));
        assert_ne!(picture(3), picture(8), "each count has its own digits");
    }

    #[test]
    fn more_than_nine_reads_nine_plus() {
        assert_eq!(picture(10), picture(250));
        assert_ne!(picture(9), picture(10));
    }
}
