package e2e

import (
	"context"
	"fmt"

	"github.com/chromedp/chromedp"
)

// setValue types into a control the way a visitor does: set its value, then fire the
// change event the page listens to.
func setValue(selector, value string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var ok bool
		js := fmt.Sprintf(`(() => {
			const el = document.querySelector(%q);
			if (!el) return false;
			el.value = %q;
			el.dispatchEvent(new Event("input", {bubbles: true}));
			el.dispatchEvent(new Event("change", {bubbles: true}));
			return true;
		})()`, selector, value)
		if err := chromedp.Evaluate(js, &ok).Do(ctx); err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("no element %s", selector)
		}
		return nil
	})
}

// reloadApp reloads and waits for the app again.
func reloadApp() []chromedp.Action {
	return []chromedp.Action{
		chromedp.Reload(),
		chromedp.WaitVisible(`body[data-ready] .app`, chromedp.ByQuery),
	}
}
