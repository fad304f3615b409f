// The header every staff page shares (brand, the links the role allows, who is signed in,
// sign-out, language), drawn from here instead of repeated in nine HTML files. staffBoot mounts
// it before the bundle loads, so translation and the language switch find it like static markup.
import { h } from './dom.js';

export function mountStaffHeader() {
  const header = document.querySelector('header.site-header--staff');
  if (!header || header.childElementCount > 0) return;
  header.append(h('div', { class: 'site-header__inner' },
    h('a', { class: 'brand', href: '/personal/' },
      h('img', { src: '/favicon.svg', alt: '', width: '28', height: '28' }),
      h('span', { 'data-i18n': 'staff.brand' }, 'Dialogkarta')),
    h('nav', { class: 'site-nav', 'data-i18n-attr': 'aria-label=staff.nav.label' },
      h('ul', { id: 'staff-nav', class: 'staff-nav' }),
      h('p', { id: 'staff-user', class: 'staff-user', hidden: true },
        h('span', { class: 'visually-hidden', 'data-i18n': 'staff.signedInAs' }),
        h('span', { id: 'staff-name' })),
      h('form', { id: 'logout-form', class: 'logout-form', method: 'post', action: '/logout', hidden: true },
        h('input', { type: 'hidden', name: '_csrf', value: '' }),
        h('button', { id: 'logout-button', class: 'button button--quiet', type: 'submit', 'data-i18n': 'staff.logout' })),
      h('button', { id: 'lang-switch', class: 'button button--quiet', type: 'button' }))));
}
