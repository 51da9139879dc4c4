using LowLatencyService;

// A feature-encoding service: POST a JSON listing row, get its feature vector back.
//   POST /encode  -> the row encoded by the generated [FeatureRecord] (float[ListingRow.EncodedWidth])
//   POST /echo    -> the same row parsed and written back as JSON, no encoding (the control: the encoder's
//                    share of a request is /encode minus /echo)
// Kestrel listens on 127.0.0.1 only (port from --port, default 5080). A row that is not valid (malformed
// JSON, a null field, an amenity outside 0..15) is a 400 with a problem-details body, logged as one line.
WebApplication app = ServiceApp.Create(args);
Console.WriteLine($"LowLatencyService listening on http://127.0.0.1:{app.Configuration.GetValue("port", 5080)} (encoded width {ListingRow.EncodedWidth})");
app.Run();
