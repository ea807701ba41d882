//! imgops: image buffer operations for a thumbnail service (PyO3 0.26 API, rust-numpy).
use numpy::{PyArray1, PyReadonlyArray1, PyReadonlyArray2, ToPyArray};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;

/// Grayscale conversion of an RGB8 buffer.
#[pyfunction]
fn to_grayscale<'py>(py: Python<'py>, rgb: &[u8]) -> Bound<'py, PyBytes> {
    let gray: Vec<u8> = py.detach(|| {
        rgb.chunks_exact(3)
            .map(|p| ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8)
            .collect()
    });
    PyBytes::new(py, &gray)
}

/// Histogram of an 8-bit channel; runs with the GIL held.
#[pyfunction]
fn histogram(pixels: &[u8]) -> [u64; 256] {
    let mut bins = [0u64; 256];
    for &p in pixels {
        bins[p as usize] += 1;
    }
    bins
}

/// Mean brightness of a frame passed as bytes.
#[pyfunction]
fn mean_brightness(frame: Vec<u8>) -> f64 {
    if frame.is_empty() {
        return 0.0;
    }
    frame.iter().map(|&b| f64::from(b)).sum::<f64>() / frame.len() as f64
}

/// Resize with a box filter; the output is a new bytes object.
#[pyfunction]
fn downscale<'py>(py: Python<'py>, data: &[u8], width: usize, height: usize, factor: usize) -> PyResult<Bound<'py, PyBytes>> {
    let out = py.detach(|| box_filter(data, width, height, factor));
    Ok(PyBytes::new(py, &out))
}

/// Sum of squared differences between two frames (numpy arrays).
#[pyfunction]
fn ssd(a: PyReadonlyArray1<'_, f32>, b: PyReadonlyArray1<'_, f32>) -> PyResult<f32> {
    let a = a.as_slice()?;
    let b = b.as_slice()?;
    Ok(a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum())
}

/// Normalise a vector of samples; returns a numpy array.
#[pyfunction]
fn normalise<'py>(py: Python<'py>, samples: Vec<f64>) -> Bound<'py, PyArray1<f64>> {
    let max = samples.iter().cloned().fold(f64::MIN, f64::max);
    let scaled: Vec<f64> = samples.iter().map(|s| s / max).collect();
    scaled.to_pyarray(py)
}

/// Per-row sums of a 2-D image, in parallel, detached.
#[pyfunction]
fn row_sums(py: Python<'_>, image: PyReadonlyArray2<'_, u8>) -> Vec<u64> {
    let view = image.as_array();
    py.detach(|| view.outer_iter().collect::<Vec<_>>().par_iter().map(|row| row.iter().map(|&v| u64::from(v)).sum()).collect())
}

/// Crops every frame of a batch; one Python bytes object per frame is the output.
#[pyfunction]
fn crop_all<'py>(py: Python<'py>, frames: Vec<Vec<u8>>, len: usize) -> Vec<Bound<'py, PyBytes>> {
    frames.iter().map(|f| PyBytes::new(py, &f[..len.min(f.len())])).collect()
}

/// Checks the PNG signature.
#[pyfunction]
fn is_png(header: Vec<u8>) -> bool {
    header.len() >= 8 && header[..8] == [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]
}

#[pyclass]
struct Palette {
    colors: Vec<[u8; 3]>,
}

#[pymethods]
impl Palette {
    #[new]
    fn new(colors: Vec<(u8, u8, u8)>) -> Self {
        Palette { colors: colors.into_iter().map(|(r, g, b)| [r, g, b]).collect() }
    }

    /// Nearest palette index for every pixel of an RGB buffer.
    fn quantize(&self, rgb: &[u8]) -> Vec<u8> {
        rgb.chunks_exact(3)
            .map(|p| {
                self.colors
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, c)| dist(c, p))
                    .map(|(i, _)| i as u8)
                    .unwrap_or(0)
            })
            .collect()
    }

    fn nearest(&self, r: u8, g: u8, b: u8) -> usize {
        let p = [r, g, b];
        self.colors.iter().enumerate().min_by_key(|(_, c)| dist(c, &p)).map(|(i, _)| i).unwrap_or(0)
    }
}

fn box_filter(data: &[u8], width: usize, height: usize, factor: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity((width / factor) * (height / factor));
    for y in (0..height).step_by(factor) {
        for x in (0..width).step_by(factor) {
            out.push(data[y * width + x]);
        }
    }
    out
}

fn dist(c: &[u8; 3], p: &[u8]) -> u32 {
    c.iter().zip(p).map(|(a, b)| (i32::from(*a) - i32::from(*b)).unsigned_abs()).sum()
}

#[pymodule]
fn imgops(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(to_grayscale, m)?)?;
    m.add_function(wrap_pyfunction!(histogram, m)?)?;
    m.add_function(wrap_pyfunction!(mean_brightness, m)?)?;
    m.add_function(wrap_pyfunction!(downscale, m)?)?;
    m.add_function(wrap_pyfunction!(ssd, m)?)?;
    m.add_function(wrap_pyfunction!(normalise, m)?)?;
    m.add_function(wrap_pyfunction!(row_sums, m)?)?;
    m.add_function(wrap_pyfunction!(crop_all, m)?)?;
    m.add_function(wrap_pyfunction!(is_png, m)?)?;
    m.add_class::<Palette>()?;
    Ok(())
}
