//! Names of the indicators and detectors, and small bit sets of them used by the config to
//! switch parts of the engine on or off.

/// An indicator the engine can maintain per symbol (`sma` covers the fast and slow SMA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndicatorKind {
    Sma,
    Ema,
    Rsi,
    Atr,
    Vwap,
    Bollinger,
    Zscore,
}

impl IndicatorKind {
    pub const ALL: [IndicatorKind; 7] = [
        IndicatorKind::Sma,
        IndicatorKind::Ema,
        IndicatorKind::Rsi,
        IndicatorKind::Atr,
        IndicatorKind::Vwap,
        IndicatorKind::Bollinger,
        IndicatorKind::Zscore,
    ];

    pub fn name(self) -> &'static str {
        match self {
            IndicatorKind::Sma => "sma",
            IndicatorKind::Ema => "ema",
            IndicatorKind::Rsi => "rsi",
            IndicatorKind::Atr => "atr",
            IndicatorKind::Vwap => "vwap",
            IndicatorKind::Bollinger => "bollinger",
            IndicatorKind::Zscore => "zscore",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A pattern detector; also the order in which detectors run at each bar close.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DetectorKind {
    MaCrossover,
    RsiZone,
    Breakout,
    VwapDeviation,
    VolumeSpike,
    BookImbalance,
}

impl DetectorKind {
    pub const ALL: [DetectorKind; 6] = [
        DetectorKind::MaCrossover,
        DetectorKind::RsiZone,
        DetectorKind::Breakout,
        DetectorKind::VwapDeviation,
        DetectorKind::VolumeSpike,
        DetectorKind::BookImbalance,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DetectorKind::MaCrossover => "ma_crossover",
            DetectorKind::RsiZone => "rsi_zone",
            DetectorKind::Breakout => "breakout",
            DetectorKind::VwapDeviation => "vwap_deviation",
            DetectorKind::VolumeSpike => "volume_spike",
            DetectorKind::BookImbalance => "book_imbalance",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Indicators this detector reads (the config rejects enabling it without them).
    pub fn requires(self) -> &'static [IndicatorKind] {
        match self {
            DetectorKind::MaCrossover => &[IndicatorKind::Sma],
            DetectorKind::RsiZone => &[IndicatorKind::Rsi],
            DetectorKind::VwapDeviation => &[IndicatorKind::Vwap, IndicatorKind::Atr],
            DetectorKind::Breakout | DetectorKind::VolumeSpike | DetectorKind::BookImbalance => &[],
        }
    }
}

/// Set of indicators (bit i = `IndicatorKind::ALL[i]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorSet(u8);

impl IndicatorSet {
    pub const ALL: IndicatorSet = IndicatorSet(0x7f);
    pub const NONE: IndicatorSet = IndicatorSet(0);

    pub fn of(kinds: &[IndicatorKind]) -> Self {
        kinds.iter().fold(Self::NONE, |set, &k| set.with(k))
    }

    pub fn with(self, kind: IndicatorKind) -> Self {
        IndicatorSet(self.0 | 1 << kind as u8)
    }

    pub fn contains(self, kind: IndicatorKind) -> bool {
        self.0 & 1 << kind as u8 != 0
    }

    pub fn names(self) -> Vec<&'static str> {
        IndicatorKind::ALL
            .into_iter()
            .filter(|&k| self.contains(k))
            .map(IndicatorKind::name)
            .collect()
    }
}

/// Set of detectors (bit i = `DetectorKind::ALL[i]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetectorSet(u8);

impl DetectorSet {
    pub const ALL: DetectorSet = DetectorSet(0x3f);
    pub const NONE: DetectorSet = DetectorSet(0);

    pub fn of(kinds: &[DetectorKind]) -> Self {
        kinds.iter().fold(Self::NONE, |set, &k| set.with(k))
    }

    pub fn with(self, kind: DetectorKind) -> Self {
        DetectorSet(self.0 | 1 << kind as u8)
    }

    pub fn contains(self, kind: DetectorKind) -> bool {
        self.0 & 1 << kind as u8 != 0
    }

    pub fn names(self) -> Vec<&'static str> {
        DetectorKind::ALL
            .into_iter()
            .filter(|&k| self.contains(k))
            .map(DetectorKind::name)
            .collect()
    }
}
