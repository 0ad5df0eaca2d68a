using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Manifest;

public sealed class ManifestIconTests
{
    [Fact]
    public void Colour_icon_is_192_pixels_square_and_shows_several_colours()
    {
        var icon = PngImage.Decode(File.ReadAllBytes(RepoRoot.Combine("appPackage", "color.png")));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        // Bucket colours coarsely (3 bits a channel) so anti-aliasing and gradients do not count:
        // a drawing needs at least three clearly different colours that each cover a visible area.
        var significant = Enumerable.Range(0, icon.PixelCount)
            .Select(icon.Pixel)
            .Where(p => p.A > 0)
            .GroupBy(p => (p.R >> 5, p.G >> 5, p.B >> 5))
            .Count(g => g.Count() >= icon.PixelCount / 100);
        Assert.True(significant >= 3, $"only {significant} colours cover 1% of the icon or more; it looks flat");
    }

    [Fact]
    public void Outline_icon_is_32_pixels_square_white_on_transparent_and_not_blank()
    {
        var icon = PngImage.Decode(File.ReadAllBytes(RepoRoot.Combine("appPackage", "outline.png")));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        var pixels = Enumerable.Range(0, icon.PixelCount).Select(icon.Pixel).ToList();
        var notWhite = pixels.Count(p => p.A > 0 && (p.R, p.G, p.B) != (255, 255, 255));
        Assert.Equal(0, notWhite);
        var transparent = pixels.Count(p => p.A == 0);
        Assert.True(transparent >= icon.PixelCount / 4, $"only {transparent} transparent pixels; the background must be transparent");
        var drawn = pixels.Count(p => p.A >= 128);
        Assert.InRange(drawn, icon.PixelCount / 10, icon.PixelCount * 2 / 3);
    }
}
