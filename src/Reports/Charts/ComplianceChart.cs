using PerijinanBot.Reports.Charts;
using SkiaSharp;

namespace PerijinanBot.Reports.Compliance;

/// <summary>
/// The compliance report's picture, read at a glance on the card: one row per step, its bar the median working time as a
/// share of that step's own standard, a vertical line at 100%, and the share of visits on time on the right. Laid out for
/// the ~480 px Teams gives a card image and drawn at twice that, so text stays sharp on dense screens; Teams takes images up
/// to 1024 × 1024, so a longer SOP is drawn at a smaller scale rather than cut.
/// </summary>
public static class ComplianceChart
{
    /// <summary>The layout's width in points; every other measure below is in the same points.</summary>
    internal const float LogicalWidth = 480;

    internal const float Pad = 14;
    internal const float Top = 52;
    internal const float RowHeight = 42;
    internal const float BarOffset = 19;
    internal const float BarHeight = 14;
    internal const float Bottom = 40;

    /// <summary>Room right of the scale for the marker of a bar beyond it (its value is written inside the bar).</summary>
    internal const float ValueSpace = 12;

    /// <summary>The bar scale, 0 to <see cref="ComplianceChartModel.Cap"/>, in points.</summary>
    internal const float ScaleWidth = LogicalWidth - (2 * Pad) - ValueSpace;

    private const float MaxScale = 2;
    private const int MaxPixels = 1024;

    private static readonly SKColor Ink = new(0x1F, 0x1F, 0x1F);
    private static readonly SKColor Muted = new(0x5F, 0x63, 0x68);
    private static readonly SKColor Track = new(0xEC, 0xEF, 0xF3);
    private static readonly SKColor Grid = new(0xC4, 0xCA, 0xD1);

    /// <summary>A median within the standard.</summary>
    internal static readonly SKColor WithinColor = new(0x2F, 0x6D, 0xB5);

    /// <summary>A median over the standard.</summary>
    internal static readonly SKColor OverColor = new(0xD9, 0x48, 0x0F);

    /// <summary>The marker of a bar beyond the scale.</summary>
    internal static readonly SKColor CapColor = new(0x9C, 0x2A, 0x00);

    private static readonly SKColor GoodColor = new(0x1E, 0x7B, 0x34);
    private static readonly SKColor PoorColor = new(0xB3, 0x26, 0x1E);

    /// <summary>The image size in pixels and the scale from points to pixels, for a chart of <paramref name="rows"/> steps.</summary>
    public static (int Width, int Height, float Scale) SizeFor(int rows)
    {
        var height = Top + (rows * RowHeight) + Bottom;
        var scale = Math.Min(MaxScale, MaxPixels / Math.Max(height, LogicalWidth));
        return ((int)MathF.Round(LogicalWidth * scale), (int)Math.Min(MaxPixels, MathF.Ceiling(height * scale)), scale);
    }

    public static byte[] Png(ComplianceFigures figures) => Png(ComplianceChartModel.Of(figures));

    public static byte[] Png(ComplianceChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (width, height, scale) = SizeFor(model.Rows.Count);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new InvalidOperationException("Skia could not create a surface for the chart.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        Draw(canvas, model);

        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        return PalettePng.Encode(pixels.GetPixelSpan(), width, height);
    }

    /// <summary>Where the bar of a share of the standard ends: 0 at the left, <see cref="ComplianceChartModel.Cap"/> at the right.</summary>
    internal static float XAt(double ofStandard) => Pad + (ScaleWidth * (float)(Math.Min(ofStandard, ComplianceChartModel.Cap) / ComplianceChartModel.Cap));

    /// <summary>The top of row <paramref name="row"/>'s bar, in points.</summary>
    internal static float BarTop(int row) => Top + (row * RowHeight) + BarOffset;

    private static void Draw(SKCanvas canvas, ComplianceChartModel model)
    {
        using var title = Font(bold: true, 16);
        using var text = Font(bold: false, 13);
        using var bold = Font(bold: true, 13);
        using var small = Font(bold: false, 11.5f);
        using var smallBold = Font(bold: true, 11.5f);
        using var paint = new SKPaint { IsAntialias = true };

        Text(canvas, Fit(model.Title, title, LogicalWidth - (2 * Pad)), Pad, 22, title, paint, Ink);
        Text(canvas, Fit(model.Subtitle, small, LogicalWidth - (2 * Pad)), Pad, 40, small, paint, Muted);

        var fonts = new Fonts(text, bold, small);
        for (var i = 0; i < model.Rows.Count; i++)
        {
            Row(canvas, model.Rows[i], i, fonts, paint);
        }

        var rowsBottom = Top + (model.Rows.Count * RowHeight);
        Axis(canvas, rowsBottom + 2, small, smallBold, paint);
        Legend(canvas, rowsBottom + 30, small, paint);
    }

    /// <summary>
    /// One step: its label and on-time share on the first line, its bar on the second. The 100% line and the grid are drawn
    /// row by row, so no line runs through a label: the grid under the bar, the 100% line over it.
    /// </summary>
    private static void Row(SKCanvas canvas, ComplianceChartRow row, int index, Fonts fonts, SKPaint paint)
    {
        var baseline = Top + (index * RowHeight) + 14;
        var stepWidth = fonts.Bold.MeasureText(row.StepName);
        var rest = row.Label[row.StepName.Length..];
        Text(canvas, row.StepName, Pad, baseline, fonts.Bold, paint, Ink);
        Text(canvas, rest, Pad + stepWidth, baseline, fonts.Text, paint, Ink);
        OnTime(canvas, row, baseline, Pad + stepWidth + fonts.Text.MeasureText(rest) + 8, fonts.Text, paint);

        var barTop = BarTop(index);
        Fill(canvas, paint, Track, SKRect.Create(Pad, barTop, ScaleWidth, BarHeight));
        if (row.OfStandard is null)
        {
            Text(canvas, ComplianceChartModel.NoVisits, Pad + 6, barTop + (BarHeight / 2) + 4, fonts.Small, paint, Muted);
            return;
        }

        foreach (var share in new[] { 2.0, 3.0 })
        {
            Line(canvas, paint, Grid, 1, XAt(share), barTop - 3, barTop + BarHeight + 3);
        }

        Bar(canvas, row, barTop, fonts.Bold, paint);
        Line(canvas, paint, Ink, 1.5f, XAt(1.0), barTop - 4, barTop + BarHeight + 4);
    }

    /// <summary>The on-time share, right-aligned; the visit count after it only where it leaves the step's label clear.</summary>
    private static void OnTime(SKCanvas canvas, ComplianceChartRow row, float baseline, float labelEnd, SKFont font, SKPaint paint)
    {
        if (row.OnTimeText is not { } onTime)
        {
            return;
        }

        var right = LogicalWidth - Pad;
        var count = " " + row.OfVisits;
        if (right - font.MeasureText(onTime + count) >= labelEnd)
        {
            Text(canvas, count, right, baseline, font, paint, Muted, SKTextAlign.Right);
            right -= font.MeasureText(count);
        }

        Text(canvas, onTime, right, baseline, font, paint, row.Good ? GoodColor : PoorColor, SKTextAlign.Right);
    }

    private static void Bar(SKCanvas canvas, ComplianceChartRow row, float top, SKFont value, SKPaint paint)
    {
        var middle = top + (BarHeight / 2);
        if (row.OfStandard is not { } ofStandard || row.PercentText is not { } percent)
        {
            return;
        }

        // A median of a few seconds still shows as a sliver, so an empty track always means "no visits".
        var end = Math.Max(XAt(ofStandard), Pad + 2);
        Fill(canvas, paint, row.Over ? OverColor : WithinColor, new SKRect(Pad, top, end, top + BarHeight));

        if (row.Capped)
        {
            using var marker = new SKPath();
            marker.MoveTo(end, top - 2);
            marker.LineTo(end + 8, middle);
            marker.LineTo(end, top + BarHeight + 2);
            marker.Close();
            paint.Color = CapColor;
            paint.Style = SKPaintStyle.Fill;
            canvas.DrawPath(marker, paint);
        }

        // The value sits inside a bar long enough to hold it, clear of the 100% line (a capped bar always is); otherwise after
        // the bar, or after the line when it would run into it from the left.
        var width = value.MeasureText(percent);
        var line = XAt(1.0);
        var inside = end - 5;
        if (inside - width >= Pad + 3 && (inside < line - 4 || inside - width > line + 4))
        {
            Text(canvas, percent, inside, middle + 4.5f, value, paint, SKColors.White, SKTextAlign.Right);
            return;
        }

        var labelAt = end + 4;
        if (!row.Over && labelAt + width > line - 2)
        {
            labelAt = line + 4;
        }

        Text(canvas, percent, labelAt, middle + 4.5f, value, paint, Ink);
    }

    private static void Axis(SKCanvas canvas, float top, SKFont small, SKFont bold, SKPaint paint)
    {
        for (var share = 0; share <= ComplianceChartModel.Cap; share++)
        {
            var at = XAt(share);
            var font = share == 1 ? bold : small;
            var label = ComplianceChartModel.Percent(share);
            var align = share == 0 ? SKTextAlign.Left : SKTextAlign.Center;
            Text(canvas, label, share == 0 ? Pad : at, top + 10, font, paint, share == 1 ? Ink : Muted, align);
        }
    }

    private static void Legend(SKCanvas canvas, float baseline, SKFont font, SKPaint paint)
    {
        var x = Pad;
        foreach (var (color, label) in new[] { (WithinColor, "dalam mutu baku"), (OverColor, "melebihi mutu baku") })
        {
            Fill(canvas, paint, color, SKRect.Create(x, baseline - 9, 10, 10));
            Text(canvas, label, x + 14, baseline, font, paint, Muted);
            x += 14 + font.MeasureText(label) + 14;
        }

        using var marker = new SKPath();
        marker.MoveTo(x, baseline - 10);
        marker.LineTo(x + 8, baseline - 4);
        marker.LineTo(x, baseline + 2);
        marker.Close();
        paint.Color = CapColor;
        paint.Style = SKPaintStyle.Fill;
        canvas.DrawPath(marker, paint);
        Text(canvas, $"lebih dari {ComplianceChartModel.Percent(ComplianceChartModel.Cap)}", x + 12, baseline, font, paint, Muted);
    }

    private sealed record Fonts(SKFont Text, SKFont Bold, SKFont Small);

    private static SKFont Font(bool bold, float size) => new(bold ? ChartFonts.Bold : ChartFonts.Regular, size)
    {
        Edging = SKFontEdging.Antialias,
    };

    /// <summary>The text, shortened with "…" when it would not fit <paramref name="width"/>.</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }

    private static void Text(SKCanvas canvas, string text, float x, float y, SKFont font, SKPaint paint, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        paint.Color = color;
        paint.Style = SKPaintStyle.Fill;
        canvas.DrawText(text, x, y, align, font, paint);
    }

    private static void Fill(SKCanvas canvas, SKPaint paint, SKColor color, SKRect rect)
    {
        paint.Color = color;
        paint.Style = SKPaintStyle.Fill;
        canvas.DrawRect(rect, paint);
    }

    private static void Line(SKCanvas canvas, SKPaint paint, SKColor color, float width, float x, float top, float bottom)
    {
        paint.Color = color;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = width;
        canvas.DrawLine(x, top, x, bottom, paint);
    }
}
