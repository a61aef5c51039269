//! Where the corpus happens: places with coordinates as markers on country
//! outlines, with no tile server.
//!
//! The outlines come pre-projected in a separate file (`assets/map.txt`,
//! built by `scripts/map/build.mjs` from Natural Earth), fetched only when the
//! map is opened. Each of its frames states its projection (an
//! equirectangular one: `x = (lon - west) * kx`, `y = (north - lat) * ky`),
//! and [`Frame::project`] applies the same formula to the places, so markers
//! sit where the script put the coastlines. A place goes to the smallest frame
//! that holds it (a Caucasus close-up before the region before the world).

/// The map file: frames, each with its projection and outlines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapData {
    /// Where the outlines come from, and their licence.
    pub source: String,
    /// The world first, then closer views.
    pub frames: Vec<Frame>,
}

/// One map: a lon/lat box projected to a `width` by `height` drawing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    /// Stable name (`world`, `region`, `caucasus`).
    pub id: String,
    /// Caption for people.
    pub name: String,
    /// Western edge (degrees east).
    pub west: f64,
    /// Eastern edge.
    pub east: f64,
    /// Southern edge (degrees north).
    pub south: f64,
    /// Northern edge.
    pub north: f64,
    /// Drawing units per degree of longitude.
    pub kx: f64,
    /// Drawing units per degree of latitude.
    pub ky: f64,
    /// Drawing width.
    pub width: f64,
    /// Drawing height.
    pub height: f64,
    /// Country outlines as SVG path data in drawing units.
    pub shapes: Vec<Shape>,
    /// Points the script projected, `[lon, lat, x, y]`, to check that this
    /// code projects the same way.
    pub checks: Vec<[f64; 4]>,
}

/// A country's outline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    /// Country name (Natural Earth's).
    pub name: String,
    /// SVG path data.
    pub d: String,
}

impl MapData {
    /// Read the map file: one record a line, fields separated by tabs (shown
    /// here as `→`), `#` lines ignored:
    ///
    /// ```text
    /// source→Natural Earth (public domain) …
    /// frame→world→World→-180→180→-58→84→2.667→2.667→960→378.667
    /// check→49.8671→40.4093→612.98→116.24
    /// shape→Azerbaijan→M612 101l2-1…z
    /// ```
    ///
    /// (`frame`: id, name, west, east, south, north, kx, ky, width, height;
    /// `check`: lon, lat, x, y; `check` and `shape` belong to the frame
    /// above them.) An error names the line and what is wrong in it.
    pub fn parse(text: &str) -> Result<MapData, String> {
        let mut map = MapData::default();
        for (n, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = |what: &str| format!("line {}: {what}", n + 1);
            let nums = |from: usize, count: usize| -> Result<Vec<f64>, String> {
                // 32-bit floats are precise enough for a drawing, and their
                // parser is already in the wasm (the knowledge files use it).
                let got: Vec<f64> = fields
                    .iter()
                    .skip(from)
                    .filter_map(|f| f.trim().parse::<f32>().ok())
                    .filter(|v| v.is_finite())
                    .map(f64::from)
                    .collect();
                if got.len() == count && fields.len() == from + count {
                    Ok(got)
                } else {
                    Err(bad(&format!("expected {count} numbers after the tag")))
                }
            };
            match fields[0] {
                "" | "#" => {}
                t if t.starts_with('#') => {}
                "source" => map.source = fields[1..].join(" "),
                "frame" if fields.len() == 11 => {
                    let v = nums(3, 8)?;
                    map.frames.push(Frame {
                        id: fields[1].to_string(),
                        name: fields[2].to_string(),
                        west: v[0],
                        east: v[1],
                        south: v[2],
                        north: v[3],
                        kx: v[4],
                        ky: v[5],
                        width: v[6],
                        height: v[7],
                        ..Frame::default()
                    });
                }
                "frame" => return Err(bad("a frame has an id, a name and 8 numbers")),
                "check" | "shape" => {
                    let frame = map
                        .frames
                        .last_mut()
                        .ok_or_else(|| bad("no frame above it"))?;
                    if fields[0] == "shape" {
                        let [_, name, d] = fields[..] else {
                            return Err(bad("a shape has a name and path data"));
                        };
                        frame.shapes.push(Shape {
                            name: name.to_string(),
                            d: d.to_string(),
                        });
                    } else {
                        let v = nums(1, 4)?;
                        frame.checks.push([v[0], v[1], v[2], v[3]]);
                    }
                }
                other => return Err(bad(&format!("unknown record “{other}”"))),
            }
        }
        if map.frames.is_empty() {
            return Err("no frame in the map file".to_string());
        }
        Ok(map)
    }
}

impl Frame {
    /// Drawing coordinates of a point.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        ((lon - self.west) * self.kx, (self.north - lat) * self.ky)
    }

    /// Whether the frame shows a point.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }

    fn area(&self) -> f64 {
        (self.east - self.west).abs() * (self.north - self.south).abs()
    }

    /// This frame's box as a rectangle in `outer`'s drawing: `[x, y, w, h]`.
    pub fn rect_in(&self, outer: &Frame) -> [f64; 4] {
        let (x0, y0) = outer.project(self.north, self.west);
        let (x1, y1) = outer.project(self.south, self.east);
        [x0, y0, x1 - x0, y1 - y0]
    }
}

/// A place to draw: entity number, coordinates if known, matching articles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    /// Entity number.
    pub entity: u32,
    /// Latitude and longitude.
    pub coords: Option<(f32, f32)>,
    /// Matching articles that mention it.
    pub articles: u32,
}

/// A place's marker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marker {
    /// Entity number.
    pub entity: u32,
    /// Index of its frame in [`MapData::frames`].
    pub frame: usize,
    /// Centre in the frame's drawing units.
    pub x: f64,
    /// Centre.
    pub y: f64,
    /// Radius in drawing units (area grows with the article count).
    pub r: f64,
    /// Matching articles that mention it.
    pub articles: u32,
}

/// Where each place goes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    /// Markers, largest first within each frame (so small ones stay on top
    /// and clickable).
    pub markers: Vec<Marker>,
    /// Places with no coordinates, or outside every frame, most articles first.
    pub unplaced: Vec<Place>,
    /// Frames with at least one marker, in file order (the world is always
    /// included when there is one).
    pub frames: Vec<usize>,
}

/// Smallest and largest marker radius, in drawing units (frames are ~960 wide).
pub const RADIUS: (f64, f64) = (6.0, 18.0);

/// Radius for `articles` when the busiest place has `most`: area proportional.
pub fn radius(articles: u32, most: u32) -> f64 {
    let share = f64::from(articles) / f64::from(most.max(1));
    RADIUS.0 + (RADIUS.1 - RADIUS.0) * share.clamp(0.0, 1.0).sqrt()
}

/// Put each place with coordinates in the smallest frame that holds it.
pub fn place(map: &MapData, places: &[Place]) -> Placement {
    let most = places.iter().map(|p| p.articles).max().unwrap_or(1);
    let mut out = Placement::default();
    for p in places {
        let frame = p.coords.and_then(|(lat, lon)| {
            let (lat, lon) = (f64::from(lat), f64::from(lon));
            map.frames
                .iter()
                .enumerate()
                .filter(|(_, f)| f.contains(lat, lon))
                .min_by(|a, b| a.1.area().total_cmp(&b.1.area()).then(a.0.cmp(&b.0)))
                .map(|(i, f)| (i, f.project(lat, lon)))
        });
        match frame {
            Some((i, (x, y))) => out.markers.push(Marker {
                entity: p.entity,
                frame: i,
                x,
                y,
                r: radius(p.articles, most),
                articles: p.articles,
            }),
            None => out.unplaced.push(*p),
        }
    }
    // By frame, then most articles first, then entity number.
    let mut keyed: Vec<(u32, u32)> = out
        .markers
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let frame = (m.frame.min(255) as u32) << 24;
            (frame | (0xff_ffff - m.articles.min(0xff_ffff)), i as u32)
        })
        .collect();
    // Ties (same frame and count) keep entity order, as `places` came in.
    super::sort_pairs(&mut keyed);
    out.markers = keyed.iter().map(|k| out.markers[k.1 as usize]).collect();
    let mut keyed: Vec<(u32, u32)> = out
        .unplaced
        .iter()
        .enumerate()
        .map(|(i, p)| (u32::MAX - p.articles, i as u32))
        .collect();
    super::sort_pairs(&mut keyed);
    out.unplaced = keyed.iter().map(|k| out.unplaced[k.1 as usize]).collect();
    out.frames = (0..map.frames.len())
        .filter(|&i| i == 0 || out.markers.iter().any(|m| m.frame == i))
        .collect();
    out
}
