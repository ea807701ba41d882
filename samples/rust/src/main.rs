//! Telemetry ingester: reads readings, aggregates them per sensor and ships batches.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug)]
pub struct Reading {
    pub sensor: String,
    pub value: f64,
    pub tags: Vec<String>,
}

#[repr(C)]
pub struct WireHeader {
    pub flag: u8,
    pub timestamp: u64,
    pub kind: u8,
    pub length: u32,
}

pub fn known_sensors(readings: &[Reading], allowed: &Vec<String>) -> Vec<Reading> {
    let mut kept = Vec::new();
    for reading in readings {
        if allowed.contains(&reading.sensor) {
            kept.push(reading.clone());
        }
    }
    kept
}

pub fn sensor_labels(readings: &[Reading]) -> Vec<String> {
    let mut labels = Vec::new();
    for reading in readings {
        let label = format!("{}:{}", reading.sensor, reading.value);
        labels.push(label.to_uppercase());
    }
    labels
}

pub fn aggregate(readings: &[Reading], totals: &Arc<Mutex<HashMap<String, f64>>>) {
    for reading in readings {
        let mut guard = totals.lock().unwrap();
        *guard.entry(reading.sensor.clone()).or_insert(0.0) += reading.value;
        log::debug!("added {}", format!("{:?}", reading));
    }
}

pub fn tag_count(reading: &Reading) -> usize {
    let tags = reading.tags.clone();
    tags.len()
}

pub async fn ship(readings: Vec<Reading>) {
    let mut handles = Vec::new();
    for reading in readings {
        handles.push(tokio::spawn(async move { reading.value * 2.0 }));
    }
    for handle in handles {
        let _ = handle.await;
    }
}

fn main() {
    let totals = Arc::new(Mutex::new(HashMap::new()));
    let readings = vec![Reading { sensor: "s1".to_string(), value: 1.0, tags: Vec::new() }];
    aggregate(&readings, &totals);
    println!("{:?}", sensor_labels(&readings));
}
